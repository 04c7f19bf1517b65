package io.stride.analytics.outcomes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import io.stride.authoring.CourseId;
import io.stride.identity.TeamId;

/**
 * A team's outcome metric (for example "escalations per week"), measured per week or month and linked to the
 * courses meant to move it.
 * @param revision the save this was read from, to refuse overwriting a newer one
 */
public record OutcomeMetric(String id, TeamId teamId, String name, String unit, Direction direction,
		Granularity granularity, String description, List<CourseId> courseIds, int revision) {

	/** Which way is good. */
	public enum Direction {

		LOWER_IS_BETTER("Lower is better"), HIGHER_IS_BETTER("Higher is better");

		private final String label;

		Direction(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** How long a period is; a period is named by its first day. */
	public enum Granularity {

		/** ISO weeks, Monday to Sunday. */
		WEEK("week", "Week"),
		/** Calendar months. */
		MONTH("month", "Month");

		private final String noun;

		private final String label;

		Granularity(String noun, String label) {
			this.noun = noun;
			this.label = label;
		}

		public String noun() {
			return noun;
		}

		public String label() {
			return label;
		}

		/** The first day of the period holding the day. */
		public LocalDate periodOf(LocalDate day) {
			return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
		}

		/** The first day of the next period. */
		public LocalDate next(LocalDate start) {
			return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
		}

		/** Whether the day starts a period; a value named by another day is refused rather than moved. */
		public boolean startsPeriod(LocalDate day) {
			return periodOf(day).equals(day);
		}

		/** Why the day can't name a period, with the period it falls in; null when it can. */
		public String problemWith(LocalDate day) {
			if (startsPeriod(day)) {
				return null;
			}
			return this == WEEK
					? day + " is a " + day.getDayOfWeek().toString().charAt(0)
							+ day.getDayOfWeek().toString().substring(1).toLowerCase(Locale.ROOT)
							+ "; weeks are named by their Monday: use " + periodOf(day) + "."
					: day + " is not the first of a month; months are named by their first day: use " + periodOf(day)
							+ ".";
		}
	}
}
