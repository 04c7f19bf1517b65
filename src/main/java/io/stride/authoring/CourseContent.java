package io.stride.authoring;

import java.util.List;

/**
 * What an author writes; saved as a whole so that a course is never half-updated.
 */
public record CourseContent(String title, String description, List<Lesson> lessons, Quiz quiz, List<String> objectives,
		RiskTier riskTier, String tierReason) {

	public CourseContent {
		// a null tier means "not chosen": Stride's suggestion applies
		tierReason = tierReason == null || tierReason.isBlank() ? null : tierReason.strip();
		title = title == null ? "" : title.trim();
		description = description == null ? "" : description.trim();
		lessons = lessons == null ? List.of() : List.copyOf(lessons);
		quiz = quiz == null ? new Quiz(80, List.of()) : quiz;
		objectives = objectives == null ? List.of()
				: objectives.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
	}

	public CourseContent(String title, String description, List<Lesson> lessons, Quiz quiz) {
		this(title, description, lessons, quiz, List.of(), null, null);
	}

	public CourseContent(String title, String description, List<Lesson> lessons, Quiz quiz, List<String> objectives) {
		this(title, description, lessons, quiz, objectives, null, null);
	}

	public CourseContent withTier(RiskTier tier, String reason) {
		return new CourseContent(title, description, lessons, quiz, objectives, tier, reason);
	}

	/** The same course with other lessons and quiz (tier, reason and objectives kept). */
	public CourseContent with(List<Lesson> newLessons, Quiz newQuiz) {
		return new CourseContent(title, description, newLessons, newQuiz, objectives, riskTier, tierReason);
	}
}
