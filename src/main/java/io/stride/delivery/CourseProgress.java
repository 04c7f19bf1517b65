package io.stride.delivery;

import java.util.Set;

import io.stride.authoring.Course;

/**
 * A course as one learner sees it: which lessons they have read and where they stand.
 */
public record CourseProgress(Course course, Set<String> readLessonIds, ProgressStatus status, Integer bestScore) {

	public boolean hasRead(String lessonId) {
		return readLessonIds.contains(lessonId);
	}

	public String nextLessonId() {
		return course.lessons()
			.stream()
			.filter(lesson -> !readLessonIds.contains(lesson.id()))
			.findFirst()
			.orElse(course.lessons().isEmpty() ? null : course.lessons().get(0))
			.id();
	}
}
