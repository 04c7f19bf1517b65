package io.stride.media;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** An image or a video (with its captions) was deleted from a course. */
public record MediaDeleted(CourseId courseId, String courseTitle, String mediaId, MediaKind kind, PersonId by) {
}
