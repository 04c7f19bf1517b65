package io.stride.authoring;

import io.stride.identity.PersonId;

/** Someone began a new draft version of a published course; learners keep the published one meanwhile. */
public record CourseVersionStarted(CourseId courseId, int version, PersonId by, String title) {
}
