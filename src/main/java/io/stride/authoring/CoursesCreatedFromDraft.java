package io.stride.authoring;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * The author made courses from a kept draft ({@code draftId}), in order; modules that remember where a draft came
 * from (a commission's brief) learn which courses answer it.
 */
public record CoursesCreatedFromDraft(String draftId, PersonId author, List<CourseId> courses) {

	public CoursesCreatedFromDraft {
		courses = List.copyOf(courses);
	}
}
