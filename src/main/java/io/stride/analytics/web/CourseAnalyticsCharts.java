package io.stride.analytics.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.analytics.course.CourseAnalyticsReport.LessonStep;
import io.stride.analytics.course.CourseAnalyticsReport.Week;

/**
 * Geometry for the page's inline SVG charts, worked out here so that templates only place shapes. The charts are
 * pictures of the tables below them; screen readers skip them and read the tables.
 */
final class CourseAnalyticsCharts {

	static final int WIDTH = 600;

	static final int BAR_HEIGHT = 22;

	static final int BAR_GAP = 8;

	static final int LABEL_WIDTH = 40;

	static final int TREND_HEIGHT = 160;

	private CourseAnalyticsCharts() {
	}

	/** One horizontal bar of the funnel, with its label and the count written at its end. */
	record Bar(int y, int width, int textY, String label, int value) {
	}

	record Funnel(int height, List<Bar> bars) {
	}

	/** Three lines through the weekly figures, as SVG point lists, and where each week sits on the x axis. */
	record Trend(int height, String opened, String started, String completed, List<Tick> ticks) {
	}

	record Tick(int x, String label) {
	}

	static Funnel funnel(CourseAnalyticsReport report) {
		int max = Math.max(1, report.funnelMax());
		int room = WIDTH - LABEL_WIDTH - 60;
		List<Bar> bars = new ArrayList<>();
		int y = 0;
		for (LessonStep step : report.funnel()) {
			bars.add(new Bar(y, (int) Math.round(step.reached() * (double) room / max), y + BAR_HEIGHT - 6,
					String.valueOf(step.position()), step.reached()));
			y += BAR_HEIGHT + BAR_GAP;
		}
		return new Funnel(Math.max(y, 1), bars);
	}

	static Trend trend(CourseAnalyticsReport report) {
		List<Week> weeks = report.trend();
		int max = Math.max(1, report.trendMax());
		int plot = TREND_HEIGHT - 20;
		double step = weeks.size() <= 1 ? 0 : (WIDTH - 20) / (double) (weeks.size() - 1);
		StringBuilder opened = new StringBuilder();
		StringBuilder started = new StringBuilder();
		StringBuilder completed = new StringBuilder();
		List<Tick> ticks = new ArrayList<>();
		int every = Math.max(1, weeks.size() / 8); // about eight labels, however long the period
		for (int i = 0; i < weeks.size(); i++) {
			Week week = weeks.get(i);
			int x = 10 + (int) Math.round(i * step);
			point(opened, x, plot - week.opened() * plot / max);
			point(started, x, plot - week.started() * plot / max);
			point(completed, x, plot - week.completed() * plot / max);
			if (i % every == 0) {
				ticks.add(new Tick(x, week.isoWeek()));
			}
		}
		return new Trend(TREND_HEIGHT, opened.toString(), started.toString(), completed.toString(), ticks);
	}

	private static void point(StringBuilder points, int x, int y) {
		if (!points.isEmpty()) {
			points.append(' ');
		}
		points.append(x).append(',').append(y + 5);
	}
}
