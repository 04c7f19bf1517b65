package io.stride.mastery;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** A person mastered a course at a moment (the row stays while they keep mastering it). */
public record MasteryRecord(PersonId personId, CourseId courseId, Instant masteredAt) {
}
