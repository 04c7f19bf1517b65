package io.stride.delivery;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * Proof that a learner completed a version of a course. {@code score} is the best quiz score when the course was
 * completed (null for a course without a quiz); {@code current} is false once the learner was asked to take the
 * course again and started over.
 */
public record Certificate(String verificationId, PersonId personId, String learnerName, CourseId courseId,
		String courseTitle, int version, Instant completedAt, Integer score, boolean current) {
}
