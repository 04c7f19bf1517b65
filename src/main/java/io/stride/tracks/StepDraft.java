package io.stride.tracks;

import java.util.Set;

/**
 * A step as written. Which fields count depends on {@code kind} (the others are dropped): COURSE a published
 * {@code courseId}; COMPONENT a {@code componentId}; OBSERVED_TASK a title, optionally a checklist task and a
 * capability, and a confirmation; GOAL_SUGGESTION goal text and a capability; EXTERNAL an https URL and a
 * confirmation. {@code position}, when given, places the step (0 first); else it goes last.
 */
public record StepDraft(StepKind kind, String title, String description, String courseId, String componentId,
		String checklistTaskId, String capabilityId, String goalText, String externalUrl, Confirmation confirmation,
		Pacing pacing, Set<String> prerequisites, boolean highInvestment, Integer position) {

	public StepDraft {
		prerequisites = prerequisites == null ? Set.of() : Set.copyOf(prerequisites);
		pacing = pacing == null ? Pacing.ON_ENROLMENT : pacing;
	}
}
