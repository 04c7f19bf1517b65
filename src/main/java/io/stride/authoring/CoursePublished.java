package io.stride.authoring;

import io.stride.identity.PersonId;

public record CoursePublished(CourseId courseId, int version, PersonId publishedBy, String title) {
}
