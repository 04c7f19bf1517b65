package io.stride.analytics.course.internal;

import java.time.Instant;

/**
 * Counts over a slice of a course's statements: distinct learners, attempts, and the first and last statement's time.
 */
public record CourseAnalyticsTotals(int opened, int started, int completed, int attemptsStarted, int passedAttempts,
		int failedAttempts, int learnersPassed, Instant first, Instant last) {
}
