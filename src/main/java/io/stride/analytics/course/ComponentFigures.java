package io.stride.analytics.course;

import java.util.List;

import io.stride.authoring.CourseId;

/**
 * A component's figures in every course that uses it (its source, and the courses that reused it LINKED or COPIED)
 * that the viewer may see the figures of, and pooled over those courses. A lesson has its reach and drop-off; a
 * question its attempts, facility and discrimination index.
 * @param kind LESSON, QUESTION (a final-quiz question) or KNOWLEDGE_CHECK
 * @param hiddenCourses courses using it whose figures the viewer may not see (left out of the rows)
 * @param minimumAttempts the attempts a question needs before its figures are read as more than noise
 */
public record ComponentFigures(String componentId, String kind, String title, List<Row> courses, Row pooled,
		int hiddenCourses, int minimumAttempts) {

	public boolean lesson() {
		return "LESSON".equals(kind);
	}

	/** Only the source uses it: nobody has reused it yet (as far as anyone can tell, hidden courses counted). */
	public boolean notReusedYet() {
		return hiddenCourses == 0 && courses.stream().allMatch(r -> "SOURCE".equals(r.mode()));
	}

	/** No learner reached the lesson, or answered the question, in any course shown. */
	public boolean notUsedYet() {
		return lesson() ? pooled.reached() == 0 : pooled.attempts() == 0;
	}

	public boolean tooFewAttempts() {
		return !lesson() && pooled.attempts() > 0 && pooled.attempts() < minimumAttempts;
	}

	/**
	 * One course's figures (or the pooled ones, with a null course).
	 * @param mode SOURCE, LINKED or COPIED; null for the pooled row
	 * @param live whether the course's published version has the component (a reuse still in a draft has no figures)
	 * @param continued learners who reached the lesson and went on: reached the next lesson, or completed the course
	 *     after the last one
	 * @param dropOff the share of those who reached the lesson and did not go on
	 * @param attempts for a quiz question, first attempts that were asked it; for a knowledge check, learners who
	 *     answered it
	 * @param discriminationIndex for a pooled row, the mean of the courses' indices weighted by their attempts
	 *     (each course's index is against its own quiz)
	 */
	public record Row(CourseId courseId, String title, String mode, String elementId, boolean live, int reached,
			int continued, Double dropOff, int attempts, Double facility, Double discriminationIndex) {
	}
}
