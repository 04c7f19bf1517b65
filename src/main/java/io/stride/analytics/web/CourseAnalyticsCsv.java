package io.stride.analytics.web;

import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.analytics.course.CourseAnalyticsReport.LessonStep;
import io.stride.analytics.course.CourseAnalyticsReport.Week;
import io.stride.shared.Csv;
import io.stride.shared.web.CsvDownload;

/**
 * The page's tables as CSV, with the same numbers: rates as fractions from 0 to 1, as the API gives them.
 */
final class CourseAnalyticsCsv {

	private CourseAnalyticsCsv() {
	}

	static String summary(CourseAnalyticsReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("figure", "value"));
		row(csv, "course", Csv.text(r.courseTitle()));
		row(csv, "team", Csv.text(r.teamName() == null ? "everyone" : r.teamName()));
		row(csv, "from", Csv.text(r.from() == null ? "" : r.from().toString()));
		row(csv, "to", Csv.text(r.to() == null ? "" : r.to().toString()));
		row(csv, "opened", Csv.number(r.opened()));
		row(csv, "started", Csv.number(r.started()));
		row(csv, "completed", Csv.number(r.completed()));
		row(csv, "completion_rate", Csv.number(r.completionRate()));
		row(csv, "median_minutes_to_complete", Csv.number(r.medianMinutes()));
		row(csv, "quiz_attempts_started", Csv.number(r.attemptsStarted()));
		row(csv, "quiz_attempts_graded", Csv.number(r.attempts()));
		row(csv, "quiz_attempts_passed", Csv.number(r.passedAttempts()));
		row(csv, "pass_rate", Csv.number(r.passRate()));
		row(csv, "learners_passed", Csv.number(r.learnersPassed()));
		row(csv, "reaction_score", Csv.number(r.reactionScore()));
		row(csv, "reactions", Csv.number(r.reactions().total()));
		row(csv, "open_improvement_requests", Csv.number(r.openImprovementRequests()));
		return csv.toString();
	}

	static String funnel(CourseAnalyticsReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("position", "lesson_id", "lesson_title", "reached", "drop_off"));
		for (LessonStep step : r.funnel()) {
			csv.append(Csv.line(Csv.number(step.position()), Csv.text(step.lessonId()), Csv.text(step.lessonTitle()),
					Csv.number(step.reached()), Csv.number(step.dropOff())));
		}
		return csv.toString();
	}

	static String trend(CourseAnalyticsReport r) {
		StringBuilder csv = new StringBuilder(Csv.line("iso_week", "week_start", "opened", "started", "completed"));
		for (Week week : r.trend()) {
			csv.append(Csv.line(Csv.text(week.isoWeek()), Csv.text(week.weekStart().toString()), Csv.number(week.opened()),
					Csv.number(week.started()), Csv.number(week.completed())));
		}
		return csv.toString();
	}

	/** A file name people recognise in their downloads: the course title, the table and the period, in safe letters. */
	static String fileName(CourseAnalyticsReport r, String table) {
		String period = (r.from() == null ? "" : "-from-" + r.from()) + (r.to() == null ? "" : "-to-" + r.to());
		return "stride-" + CsvDownload.slug(r.courseTitle(), 40, "course") + "-" + table + period + ".csv";
	}

	private static void row(StringBuilder csv, String figure, String value) {
		csv.append(Csv.line(figure, value));
	}
}
