package io.stride.assessment;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A learner answered a knowledge check after a lesson (not part of the quiz score); published in the recording
 * transaction.
 */
public record KnowledgeCheckAnswered(CourseId courseId, PersonId personId, String questionId, boolean correct,
		double credit, Instant answeredAt) {
}
