package io.stride.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.identity.PersonId;

/**
 * A course. {@code version} counts published versions of the content; {@code revision} counts saves and guards
 * against two editors overwriting each other.
 */
public record Course(CourseId id, String title, String description, CourseStatus status, int version, int revision,
		PersonId authorId, List<Lesson> lessons, Quiz quiz, Instant updatedAt, Instant publishedAt, List<String> objectives,
		RiskTier riskTier, String tierReason, java.time.LocalDate reviewBy) {

	public boolean isPublished() {
		return status == CourseStatus.PUBLISHED;
	}

	public Optional<Lesson> lesson(String lessonId) {
		return lessons.stream().filter(lesson -> lesson.id().equals(lessonId)).findFirst();
	}

	public Optional<Question> question(String questionId) {
		return quiz.questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
	}

	public CourseContent content() {
		return new CourseContent(title, description, lessons, quiz, objectives, riskTier, tierReason);
	}
}
