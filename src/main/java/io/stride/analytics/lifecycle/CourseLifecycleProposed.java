package io.stride.analytics.lifecycle;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * The daily lifecycle run proposes to the course's author to archive or refine it; {@code subject} and {@code body}
 * say so in words the author reads (their notification).
 */
public record CourseLifecycleProposed(PersonId author, CourseId course, String subject, String body) {
}
