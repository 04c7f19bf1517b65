package io.stride.mastery;

import java.time.LocalDate;

/**
 * One criterion that applies to a learner's course and the evidence for it, with a sentence saying which evidence
 * met (or did not yet meet) it, e.g. "Best score 92% ≥ 90% (pass mark of Customer Success)". The other fields
 * depend on the criterion: {@code required}/{@code actual} are percentages for the quiz and counts for reviews;
 * the task fields are set for observed tasks ({@code signOffId} once signed off).
 */
public record Evidence(Criterion criterion, boolean met, String description, Integer required, Integer actual,
		String setBy, String taskId, String taskTitle, String signOffId, String signedOffBy, LocalDate observedOn,
		String note) {

	static Evidence score(boolean met, String description, int required, Integer actual, String setBy) {
		return new Evidence(Criterion.QUIZ_SCORE, met, description, required, actual, setBy, null, null, null, null, null,
				null);
	}

	static Evidence reviews(boolean met, String description, int required, int actual, String setBy) {
		return new Evidence(Criterion.SPACED_REVIEWS, met, description, required, actual, setBy, null, null, null, null,
				null, null);
	}

	static Evidence task(ChecklistTask task, SignOff signOff, String description, String setBy) {
		return new Evidence(Criterion.OBSERVED_TASK, signOff != null, description, null, null, setBy, task.id(),
				task.title(), signOff == null ? null : signOff.id(), signOff == null ? null : signOff.signerName(),
				signOff == null ? null : signOff.observedOn(), signOff == null ? null : signOff.note());
	}
}
