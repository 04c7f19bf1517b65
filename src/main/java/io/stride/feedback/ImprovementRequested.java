package io.stride.feedback;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** A learner found a lesson unclear or outdated; the course's author should hear of it. */
public record ImprovementRequested(String requestId, CourseId courseId, String courseTitle, String lessonTitle,
		ReactionKind kind, String comment, PersonId authorId) {
}
