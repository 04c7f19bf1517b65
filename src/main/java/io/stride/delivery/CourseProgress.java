package io.stride.delivery;

import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;

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

	/** The first lesson not read yet, in course order. */
	public Optional<Lesson> nextUnreadLesson() {
		return course.lessons().stream().filter(lesson -> !readLessonIds.contains(lesson.id())).findFirst();
	}

	/** How many of this version's lessons the learner has read. */
	public int readCount() {
		return (int) course.lessons().stream().filter(lesson -> readLessonIds.contains(lesson.id())).count();
	}

	/** Finished: the quiz is passed, or every lesson is read in a course without a quiz. */
	public boolean done() {
		return status.isDone(!course.quiz().isEmpty());
	}

	/** Where "resume" takes the learner: the next unread lesson, else the quiz while it is not passed. */
	public boolean quizIsNext() {
		return nextUnreadLesson().isEmpty() && !course.quiz().isEmpty() && status != ProgressStatus.PASSED;
	}
}
