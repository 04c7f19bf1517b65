package io.stride.delivery;

/**
 * A course with questions due for spaced review, as "my learning" lists it.
 */
public record ReviewDueItem(String courseId, String title, int dueCount) {
}
