package io.stride.feedback;

import java.time.Instant;

import io.stride.authoring.CourseId;

/**
 * A learner's reaction to a lesson, as they last gave it. {@code improvementRequestId} names the open request it
 * raised, if any.
 */
public record Reaction(CourseId courseId, String lessonId, ReactionKind kind, String comment, Instant reactedAt,
		String improvementRequestId) {
}
