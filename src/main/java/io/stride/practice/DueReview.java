package io.stride.practice;

import io.stride.authoring.CourseId;

/**
 * A course with questions due for review today, for "review due" lists.
 */
public record DueReview(CourseId courseId, String title, int dueCount) {
}
