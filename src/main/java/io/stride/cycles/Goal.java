package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;

/**
 * A contract goal as a viewer reads it. For a viewer with {@link CycleAccess#EXISTENCE} only {@code id},
 * {@code position}, {@code priorities} and {@code servesSelf} are filled; the rest is null or empty.
 */
public record Goal(GoalId id, CycleId cycleId, int position, String what, CapabilityRef capability,
		List<ServedPriority> priorities, boolean servesSelf, List<CourseRef> courses, List<Link> resources,
		String practice, PersonRef mentor, String evidence, List<PersonRef> validators, LocalDate targetDate,
		boolean lookingForHelp, int progress, int minutesLogged, List<Link> produced, GoalOutcome outcome,
		String reflection, String nextStep, GoalId carriedFrom) {

	/** The capability a goal names, with the level it aims at (rank 0 and null name when it names none). */
	public record CapabilityRef(CapabilityId id, String name, int targetRank, String targetLevelName) {
	}

	/** A priority a goal serves; {@code team} is null for the organization's. */
	public record ServedPriority(PriorityId id, String title, String team, String period) {
	}

	public record CourseRef(CourseId id, String title) {
	}

	public record Link(String id, String title, String url) {
	}

	public Goal {
		priorities = List.copyOf(priorities);
		courses = List.copyOf(courses);
		resources = List.copyOf(resources);
		validators = List.copyOf(validators);
		produced = List.copyOf(produced);
	}

	/** Serves the organization or a team: at least one priority. */
	public boolean servesPriorities() {
		return !priorities.isEmpty();
	}
}
