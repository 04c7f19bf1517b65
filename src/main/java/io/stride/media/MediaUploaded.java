package io.stride.media;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** An image or a video was uploaded to a course. */
public record MediaUploaded(CourseId courseId, String courseTitle, String mediaId, MediaKind kind, long bytes,
		PersonId by) {
}
