package io.stride.analytics.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.analytics.outcomes.OutcomeReport;
import io.stride.analytics.outcomes.OutcomeReport.Period;
import io.stride.analytics.web.CourseAnalyticsCharts.Tick;

/**
 * Geometry of the outcome chart: the metric's values and the rollout share on one time axis (one x position per
 * period), the values scaled to their largest, the share to 100%, and a vertical mark at the rollout period. Like
 * the course charts, it is a picture of the table below it.
 */
record OutcomeChart(int height, String values, List<Dot> dots, String share, Integer rolloutX, List<Tick> ticks,
		String maxLabel) {

	static final int HEIGHT = CourseAnalyticsCharts.TREND_HEIGHT;

	/** A dot on a period that has a value; lines alone would hide lone values between gaps. */
	record Dot(int x, int y) {
	}

	static OutcomeChart of(OutcomeReport report) {
		List<Period> periods = report.periods();
		int width = CourseAnalyticsCharts.WIDTH;
		int plot = HEIGHT - 20;
		double max = report.maxValue() > 0 ? report.maxValue() : 1;
		// room on the right for the last date label, which starts at its point
		double step = periods.size() <= 1 ? 0 : (width - 80) / (double) (periods.size() - 1);
		StringBuilder values = new StringBuilder();
		StringBuilder share = new StringBuilder();
		List<Dot> dots = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		Integer rolloutX = null;
		int every = Math.max(1, periods.size() / 6);
		for (int i = 0; i < periods.size(); i++) {
			Period p = periods.get(i);
			int x = 10 + (int) Math.round(i * step);
			if (p.value() != null) {
				int y = 5 + plot - (int) Math.round(Math.max(0, p.value()) * plot / max);
				append(values, x, y);
				dots.add(new Dot(x, y));
			}
			if (p.share() != null) {
				append(share, x, 5 + plot - (int) Math.round(p.share() * plot));
			}
			if (report.rollout() != null && p.start().equals(report.rollout().periodStart())) {
				rolloutX = x;
			}
			if (i % every == 0) {
				ticks.add(new Tick(x, p.start().toString()));
			}
		}
		return new OutcomeChart(HEIGHT, values.toString(), dots, share.toString(), rolloutX, ticks,
				OutcomeReport.plain(max));
	}

	private static void append(StringBuilder points, int x, int y) {
		if (!points.isEmpty()) {
			points.append(' ');
		}
		points.append(x).append(',').append(y);
	}
}
