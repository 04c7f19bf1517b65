package io.stride.practice;

import io.stride.authoring.CourseId;

/**
 * A team's predicted recall of a course now: the mean over learners of each learner's mean recall, how many
 * learners review it, how many of them are below the 90% the schedule aims for, and cards due today.
 */
public record TeamRetention(CourseId courseId, String title, int learners, double averageRecall, int belowTarget,
		int dueToday) {

	public int averagePercent() {
		return (int) Math.round(averageRecall * 100);
	}
}
