package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;

/**
 * A goal as its owner writes it: what they want to learn (free text, optionally a capability and target level), why
 * (the priorities it serves and/or themselves), how (Stride courses, external resources, practice on real work, a
 * mentor), the evidence that will show it was learned, whom they will ask to validate it, and a target date.
 */
public record GoalDraft(String what, CapabilityId capabilityId, Integer targetLevel, List<PriorityId> priorities,
		boolean servesSelf, List<CourseId> courses, List<Resource> resources, String practice, PersonId mentor,
		String evidence, List<PersonId> validators, LocalDate targetDate, boolean lookingForHelp) {

	/** An external resource: a boot camp, a book, an article; the link is optional. */
	public record Resource(String title, String url) {
	}

	public GoalDraft {
		priorities = priorities == null ? List.of() : List.copyOf(priorities);
		courses = courses == null ? List.of() : List.copyOf(courses);
		resources = resources == null ? List.of() : List.copyOf(resources);
		validators = validators == null ? List.of() : List.copyOf(validators);
	}

	/** Only what to learn: the smallest goal. */
	public static GoalDraft of(String what) {
		return new GoalDraft(what, null, null, List.of(), true, List.of(), List.of(), null, null, null, List.of(), null,
				false);
	}
}
