package io.stride.delivery;

import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** Learners who completed an earlier version of a course must take the new version. */
public record RecertificationRequested(CourseId courseId, int version, String title, List<PersonId> learners) {
}
