package io.stride.feedback;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** The author answered a learner's improvement request; the learner should hear the reply. */
public record ImprovementRequestResolved(String requestId, CourseId courseId, String courseTitle, String lessonId,
		String lessonTitle, PersonId learnerId, String reply) {
}
