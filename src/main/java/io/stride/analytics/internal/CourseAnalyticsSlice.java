package io.stride.analytics.internal;

import java.time.Instant;
import java.util.Collection;

/**
 * Which statements count: one course, a period (either end may be null; {@code end} excluded) and the learners
 * (null for everyone; callers never pass an empty list, which matches nobody).
 */
public record CourseAnalyticsSlice(String courseId, Instant start, Instant end, Collection<String> actors) {
}
