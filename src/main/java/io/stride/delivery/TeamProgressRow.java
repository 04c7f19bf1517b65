package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

public record TeamProgressRow(PersonId personId, String name, CourseId courseId, String courseTitle,
		ProgressStatus status, Integer score, LocalDate dueDate, boolean hasQuiz) {

	public boolean overdue() {
		return dueDate != null && dueDate.isBefore(LocalDate.now()) && !status.isDone(hasQuiz);
	}
}
