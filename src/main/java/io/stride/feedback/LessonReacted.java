package io.stride.feedback;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A learner reacted to a lesson, or changed their reaction: {@code before} is their earlier reaction to the lesson,
 * null for a first one. Each learner counts once per lesson, with their current reaction.
 */
public record LessonReacted(PersonId personId, CourseId courseId, String lessonId, ReactionKind before,
		ReactionKind now) {
}
