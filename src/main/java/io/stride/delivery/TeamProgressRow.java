package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

public record TeamProgressRow(PersonId personId, String name, CourseId courseId, String courseTitle,
		ProgressStatus status, Integer score, LocalDate dueDate) {

	public boolean overdue() {
		return dueDate != null && dueDate.isBefore(LocalDate.now())
				&& (status == ProgressStatus.NOT_STARTED || status == ProgressStatus.IN_PROGRESS);
	}
}
