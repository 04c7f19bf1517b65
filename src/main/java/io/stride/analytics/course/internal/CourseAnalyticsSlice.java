package io.stride.analytics.course.internal;

import java.time.Instant;
import java.util.Collection;

/**
 * Which statements count: one course, a period (either end may be null; {@code end} excluded) and the learners
 * (null for everyone; callers never pass an empty list, which matches nobody).
 */
public record CourseAnalyticsSlice(String courseId, Instant start, Instant end, Collection<String> actors) {

	/** Whether the slice covers all time: its figures then come from the summaries, not the statements. */
	public boolean allTime() {
		return start == null && end == null;
	}
}
