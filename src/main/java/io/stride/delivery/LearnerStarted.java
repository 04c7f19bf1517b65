package io.stride.delivery;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** A person started a course for the first time (opened it, read a lesson or took its quiz): one more learner. */
public record LearnerStarted(PersonId personId, CourseId courseId) {
}
