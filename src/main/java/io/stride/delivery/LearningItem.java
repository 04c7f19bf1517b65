package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;

/**
 * A course on someone's "my learning" list.
 */
public record LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
		boolean assigned, boolean hasQuiz) {

	public boolean overdue() {
		return dueDate != null && dueDate.isBefore(LocalDate.now()) && !done();
	}

	/** Finished: the quiz is passed, or every lesson is read in a course without a quiz. */
	public boolean done() {
		return status.isDone(hasQuiz);
	}
}
