package io.stride.authoring;

import io.stride.identity.PersonId;

public record CourseDrafted(CourseId courseId, String title, PersonId author) {
}
