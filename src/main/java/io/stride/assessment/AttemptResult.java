package io.stride.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A submitted attempt. {@code replayed} is true when a retry with the same idempotency key returned it again.
 */
public record AttemptResult(String attemptId, CourseId courseId, PersonId personId, int score, boolean passed,
		List<QuestionOutcome> outcomes, Instant submittedAt, boolean replayed) {

	public Optional<QuestionOutcome> outcome(String questionId) {
		return outcomes.stream().filter(o -> o.questionId().equals(questionId)).findFirst();
	}

	public long correctCount() {
		return outcomes.stream().filter(QuestionOutcome::correct).count();
	}
}
