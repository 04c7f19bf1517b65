package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;

/**
 * A course on someone's "my learning" list.
 */
public record LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
		boolean assigned, boolean hasQuiz, String recertifyReason) {

	public LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
			boolean assigned, boolean hasQuiz) {
		this(courseId, title, status, dueDate, bestScore, assigned, hasQuiz, null);
	}

	/** The learner must take the course again (its newest version). */
	public boolean recertify() {
		return recertifyReason != null;
	}

	public boolean overdue() {
		return dueDate != null && dueDate.isBefore(LocalDate.now()) && !done();
	}

	/** Finished: the quiz is passed, or every lesson is read in a course without a quiz. */
	public boolean done() {
		return status.isDone(hasQuiz) && recertifyReason == null;
	}
}
