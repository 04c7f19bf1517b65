package io.stride.assessment;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * Published inside the submitting transaction, so progress kept elsewhere changes with the attempt or not at all.
 */
public record QuizAttempted(CourseId courseId, PersonId personId, String personName, String attemptId, int score,
		boolean passed) {
}
