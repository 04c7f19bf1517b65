package io.stride.standards;

/**
 * Something a course does not do as its template asks: where it is (the course, a lesson by index and title, or
 * the quiz) and a message an author can act on.
 */
public record Finding(Place where, Integer lesson, String lessonTitle, String message) {

	public enum Place {
		COURSE, LESSON, QUIZ
	}

	static Finding course(String message) {
		return new Finding(Place.COURSE, null, null, message);
	}

	static Finding quiz(String message) {
		return new Finding(Place.QUIZ, null, null, message);
	}

	static Finding lesson(int index, String title, String message) {
		return new Finding(Place.LESSON, index, title, message);
	}
}
