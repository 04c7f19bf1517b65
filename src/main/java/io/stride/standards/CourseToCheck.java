package io.stride.standards;

import java.util.List;

/**
 * The parts of a course (or a draft) a template looks at, in plain values so that any module can ask for a
 * check. {@code questions} are the final quiz's; {@code knowledgeChecks} those asked after the lessons.
 */
public record CourseToCheck(String title, String description, List<String> objectives, List<Lesson> lessons,
		int questions, int knowledgeChecks) {

	public record Lesson(String title, String markdown) {

		public Lesson {
			title = title == null ? "" : title.strip();
			markdown = markdown == null ? "" : markdown;
		}
	}

	public CourseToCheck {
		title = title == null ? "" : title.strip();
		description = description == null ? "" : description;
		objectives = objectives == null ? List.of() : objectives.stream().filter(o -> o != null && !o.isBlank()).toList();
		lessons = lessons == null ? List.of() : List.copyOf(lessons);
	}

	/** A course with a final quiz and no knowledge checks. */
	public CourseToCheck(String title, String description, List<String> objectives, List<Lesson> lessons, int questions) {
		this(title, description, objectives, lessons, questions, 0);
	}
}
