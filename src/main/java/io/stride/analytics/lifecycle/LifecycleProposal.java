package io.stride.analytics.lifecycle;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A proposal to archive an idle course or to refine a popular one with weak results, with the figures it was made
 * from. Its owner (the course's author) or an admin accepts or dismisses it.
 * @param lastOpenedAt the last time a learner opened the course when the proposal was made; null for never
 * @param learners for REFINE, the learners who opened the course in the period
 * @param weak for REFINE, which results were weak, in the order completion, pass rate, reactions
 * @param decidedBy null for a proposal Stride withdrew because the data no longer supported it
 */
public record LifecycleProposal(String id, CourseId courseId, String courseTitle, PersonId ownerId, Kind kind,
		Status status, Instant lastOpenedAt, Integer learners, Double completionRate, Double passRate,
		Integer reactionScore, List<Weakness> weak, Instant createdAt, Instant decidedAt, PersonId decidedBy) {

	public enum Kind {
		/** Nobody opened the published course in the idle period. */
		ARCHIVE,
		/** Many learners opened it, and some result is weak. */
		REFINE
	}

	public enum Status {
		OPEN, ACCEPTED, DISMISSED
	}

	/** A weak result, in words for pages and notifications. */
	public enum Weakness {
		COMPLETION("completion rate"), PASS_RATE("quiz pass rate"), REACTIONS("reaction score");

		private final String label;

		Weakness(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	LifecycleProposal withTitle(String title) {
		return new LifecycleProposal(id, courseId, title, ownerId, kind, status, lastOpenedAt, learners, completionRate,
				passRate, reactionScore, weak, createdAt, decidedAt, decidedBy);
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	/** The weak results in words: "completion rate and quiz pass rate". */
	public String weakInWords() {
		List<String> labels = weak.stream().map(Weakness::label).toList();
		if (labels.size() <= 1) {
			return String.join("", labels);
		}
		return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
	}
}
