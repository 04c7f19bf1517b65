package io.stride.tracks;

import java.util.Set;

import io.stride.authoring.CourseId;

/**
 * One step of a track. Which reference fields are set depends on {@code kind}; {@code prerequisites} are ids of
 * steps of the same track that must be done before this one opens.
 */
public record TrackStep(String id, int position, StepKind kind, String title, String description, CourseId courseId,
		String componentId, String checklistTaskId, String capabilityId, String goalText, String externalUrl,
		Confirmation confirmation, Pacing pacing, Set<String> prerequisites, boolean highInvestment) {

	public TrackStep {
		prerequisites = prerequisites == null ? Set.of() : Set.copyOf(prerequisites);
		pacing = pacing == null ? Pacing.ON_ENROLMENT : pacing;
	}

	/** The same step at another place and with other pacing (a team's version). */
	public TrackStep placed(int newPosition, Pacing newPacing) {
		return new TrackStep(id, newPosition, kind, title, description, courseId, componentId, checklistTaskId,
				capabilityId, goalText, externalUrl, confirmation, newPacing, prerequisites, highInvestment);
	}
}
