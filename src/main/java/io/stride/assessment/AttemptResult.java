package io.stride.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A submitted attempt. {@code replayed} is true when a retry with the same idempotency key (or a second submission
 * of the same attempt) returned it again; {@code timedOut} when it was graded after its time limit with the answers
 * saved before it.
 */
public record AttemptResult(String attemptId, CourseId courseId, PersonId personId, int score, boolean passed,
		List<QuestionOutcome> outcomes, Instant submittedAt, boolean replayed, boolean timedOut) {

	public AttemptResult(String attemptId, CourseId courseId, PersonId personId, int score, boolean passed,
			List<QuestionOutcome> outcomes, Instant submittedAt, boolean replayed) {
		this(attemptId, courseId, personId, score, passed, outcomes, submittedAt, replayed, false);
	}

	public Optional<QuestionOutcome> outcome(String questionId) {
		return outcomes.stream().filter(o -> o.questionId().equals(questionId)).findFirst();
	}

	public long correctCount() {
		return outcomes.stream().filter(QuestionOutcome::correct).count();
	}

	/** The credit earned over all questions, e.g. 2.5 of 4. */
	public double points() {
		return outcomes.stream().mapToDouble(QuestionOutcome::credit).sum();
	}

	/** Points for people: "3" or "2.5". */
	public String pointsText() {
		double rounded = Math.round(points() * 100) / 100.0;
		return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
	}

	public AttemptResult replay() {
		return new AttemptResult(attemptId, courseId, personId, score, passed, outcomes, submittedAt, true, timedOut);
	}
}
