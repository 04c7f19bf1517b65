package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;

/**
 * A course on someone's "my learning" list.
 */
public record LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
		boolean assigned) {

	public boolean overdue() {
		return dueDate != null && dueDate.isBefore(LocalDate.now()) && !done();
	}

	public boolean done() {
		return status == ProgressStatus.COMPLETED || status == ProgressStatus.PASSED;
	}
}
