package io.stride.feedback;

import java.time.Instant;

import io.stride.authoring.CourseId;

/**
 * A learner found a lesson unclear or outdated. Authors see what was said, not who said it; the reply goes back to
 * the learner.
 */
public record ImprovementRequest(String id, CourseId courseId, String lessonId, String lessonTitle, int version,
		ReactionKind kind, String comment, Status status, Instant createdAt, String reply, Instant resolvedAt) {

	public enum Status {

		/** Waiting for the author. */
		OPEN,
		/** The author answered. */
		RESOLVED,
		/** The learner changed their reaction to "helpful" before the author answered. */
		WITHDRAWN
	}

	public boolean open() {
		return status == Status.OPEN;
	}
}
