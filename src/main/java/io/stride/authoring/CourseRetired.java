package io.stride.authoring;

import io.stride.identity.PersonId;

public record CourseRetired(CourseId courseId, String title, PersonId by) {
}
