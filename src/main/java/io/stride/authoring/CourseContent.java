package io.stride.authoring;

import java.util.List;

/**
 * What an author writes; saved as a whole so that a course is never half-updated.
 */
public record CourseContent(String title, String description, List<Lesson> lessons, Quiz quiz, List<String> objectives) {

	public CourseContent {
		title = title == null ? "" : title.trim();
		description = description == null ? "" : description.trim();
		lessons = lessons == null ? List.of() : List.copyOf(lessons);
		quiz = quiz == null ? new Quiz(80, List.of()) : quiz;
		objectives = objectives == null ? List.of()
				: objectives.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
	}

	public CourseContent(String title, String description, List<Lesson> lessons, Quiz quiz) {
		this(title, description, lessons, quiz, List.of());
	}
}
