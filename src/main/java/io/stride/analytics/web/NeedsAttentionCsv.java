package io.stride.analytics.web;

import java.util.Map;
import java.util.function.Function;

import io.stride.analytics.attention.NeedsAttentionReport;
import io.stride.analytics.attention.NeedsAttentionReport.DropOffLesson;
import io.stride.analytics.attention.NeedsAttentionReport.MissedQuestion;
import io.stride.analytics.attention.NeedsAttentionReport.UnclearLesson;
import io.stride.analytics.attention.NeedsAttentionReport.WeakCourse;
import io.stride.shared.Csv;

/**
 * The needs-attention page's four tables as CSV, one file each, with the same rows and numbers (shares as fractions
 * from 0 to 1, as the API gives them).
 */
final class NeedsAttentionCsv {

	/** Table name in the URL, and how it is written. */
	static final Map<String, Function<NeedsAttentionReport, String>> TABLES = Map.of("unclear-lessons",
			NeedsAttentionCsv::unclear, "drop-off-lessons", NeedsAttentionCsv::dropOff, "missed-questions",
			NeedsAttentionCsv::missed, "weak-courses", NeedsAttentionCsv::weak);

	private NeedsAttentionCsv() {
	}

	static String unclear(NeedsAttentionReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("course_id", "course_title", "lesson_id", "lesson_title",
				"unclear", "outdated", "reactions"));
		for (UnclearLesson l : r.unclearLessons().items()) {
			csv.append(Csv.line(Csv.text(l.courseId().value()), Csv.text(l.courseTitle()), Csv.text(l.lessonId()),
					Csv.text(l.lessonTitle()), Csv.number(l.unclear()), Csv.number(l.outdated()), Csv.number(l.reactions())));
		}
		return csv.toString();
	}

	static String dropOff(NeedsAttentionReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("course_id", "course_title", "lesson_id", "lesson_title",
				"previous_lesson_title", "reached_previous", "reached", "drop_off"));
		for (DropOffLesson l : r.dropOffLessons().items()) {
			csv.append(Csv.line(Csv.text(l.courseId().value()), Csv.text(l.courseTitle()), Csv.text(l.lessonId()),
					Csv.text(l.lessonTitle()), Csv.text(l.previousLessonTitle()), Csv.number(l.reachedPrevious()),
					Csv.number(l.reached()), Csv.number(l.dropOff())));
		}
		return csv.toString();
	}

	static String missed(NeedsAttentionReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("course_id", "course_title", "question_id", "prompt", "answers",
				"right", "share_right"));
		for (MissedQuestion q : r.missedQuestions().items()) {
			csv.append(Csv.line(Csv.text(q.courseId().value()), Csv.text(q.courseTitle()), Csv.text(q.questionId()),
					Csv.text(q.prompt()), Csv.number(q.answers()), Csv.number(q.right()), Csv.number(q.shareRight())));
		}
		return csv.toString();
	}

	static String weak(NeedsAttentionReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("course_id", "course_title", "learners_started",
				"reaction_score", "reactions"));
		for (WeakCourse c : r.weakCourses().items()) {
			csv.append(Csv.line(Csv.text(c.courseId().value()), Csv.text(c.courseTitle()), Csv.number(c.learners()),
					Csv.number(c.reactionScore()), Csv.number(c.reactions())));
		}
		return csv.toString();
	}
}
