package io.stride.mastery;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A person mastered a course: {@code masteredAt} is the last time they showed it (reaching it, or a later passing
 * attempt that renewed it); the row stays while they keep mastering it.
 */
public record MasteryRecord(PersonId personId, CourseId courseId, Instant masteredAt) {
}
