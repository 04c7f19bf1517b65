package io.stride.practice;

import java.time.LocalDate;

import io.stride.authoring.CourseId;

/**
 * A learner's predicted recall of a course's questions now (0 to 1, the mean over its review cards).
 */
public record CourseRetention(CourseId courseId, String title, int cards, double recall, int dueToday,
		LocalDate nextDueOn) {

	public int recallPercent() {
		return (int) Math.round(recall * 100);
	}
}
