package io.stride.analytics.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * An outcome metric over time beside its rollout (the share of the team's current members who had completed, or
 * mastered, every linked course by each period's end), and the change from before the rollout to after it.
 * @param teamSize the team's current active members, sub-teams included
 * @param doneNow how many of them have done every linked course by now
 * @param periods every period from the first value to the last, oldest first, with or without a value
 * @param rollout null while fewer than half the team are done
 * @param beforeAfter null when there is nothing to compare; {@link #missing()} says why
 */
public record OutcomeReport(OutcomeMetric metric, String teamName, List<LinkedCourse> courses, Basis basis,
		int teamSize, int doneNow, List<Period> periods, Rollout rollout, BeforeAfter beforeAfter, String missing) {

	/** What the page says about reading the figure; always shown beside it. */
	public static final String CAUTION = "This shows correlation, not proof: other changes in the same weeks can explain it.";

	/** A member counts once done with every linked course; what "done" means. */
	public enum Basis {

		COMPLETED("completed"), MASTERED("mastered");

		private final String verb;

		Basis(String verb) {
			this.verb = verb;
		}

		public String verb() {
			return verb;
		}

		/** completed (the default) or mastered; null for anything else. */
		public static Basis parse(String text) {
			if (text == null || text.isBlank()) {
				return COMPLETED;
			}
			for (Basis basis : values()) {
				if (basis.name().equalsIgnoreCase(text.strip())) {
					return basis;
				}
			}
			return null;
		}
	}

	public enum Side {
		BEFORE, AFTER
	}

	/** Whether the metric moved the good way after the rollout. */
	public enum Verdict {

		BETTER("moved in the good direction"), WORSE("moved in the wrong direction"), UNCHANGED("did not change");

		private final String wording;

		Verdict(String wording) {
			this.wording = wording;
		}

		public String wording() {
			return wording;
		}
	}

	public record LinkedCourse(String id, String title) {
	}

	/**
	 * One period.
	 * @param value null when none was entered
	 * @param done members done with every linked course by the period's end
	 * @param share done ÷ team size, null for a team without members
	 * @param side null while the rollout is not reached
	 */
	public record Period(LocalDate start, LocalDate lastDay, Double value, int done, Double share, Side side) {

		public String valueText() {
			return value == null ? "—" : plain(value);
		}

		public String shareText() {
			return percent(share);
		}
	}

	/** The first period at whose end at least half the team were done. */
	public record Rollout(LocalDate periodStart, LocalDate lastDay) {
	}

	/**
	 * Mean of the values before the rollout period and from it on.
	 * @param relativeChange the absolute change as a fraction of the mean before; null when that mean is 0
	 */
	public record BeforeAfter(double beforeMean, int beforePeriods, double afterMean, int afterPeriods,
			double absoluteChange, Double relativeChange, Verdict verdict) {

		public String beforeText() {
			return plain(beforeMean);
		}

		public String afterText() {
			return plain(afterMean);
		}

		/** For example "-4.5 (-40.91%)". */
		public String changeText() {
			String text = (absoluteChange > 0 ? "+" : "") + plain(absoluteChange);
			if (relativeChange != null) {
				text += " (" + (relativeChange > 0 ? "+" : "") + plain(relativeChange * 100) + "%)";
			}
			return text;
		}
	}

	/** The rule, in words, as the page states it. */
	public String rule() {
		String period = metric.granularity().noun();
		return "Rollout: the first " + period + " at whose end at least half of the team's current members had "
				+ basis.verb() + " every linked course. Before: the " + period + "s ahead of it; after: that " + period
				+ " and the " + period + "s following it. Each side is the mean of the values entered for it.";
	}

	public boolean hasValues() {
		return periods.stream().anyMatch(p -> p.value() != null);
	}

	/** The largest value, for scaling a chart; 0 without values. */
	public double maxValue() {
		return periods.stream().filter(p -> p.value() != null).mapToDouble(Period::value).max().orElse(0);
	}

	/**
	 * Works the report out from the values and the moments members became done.
	 * @param doneAt for each current member done with every linked course, when the last of them was done
	 */
	static OutcomeReport compute(OutcomeMetric metric, String teamName, List<LinkedCourse> courses, Basis basis,
			int teamSize, List<Instant> doneAt, SortedMap<LocalDate, Double> values) {
		OutcomeMetric.Granularity granularity = metric.granularity();
		List<Instant> sorted = doneAt.stream().sorted().toList();
		// half the team, rounded up: with 4 members the 2nd one done reaches 50%
		int needed = (teamSize + 1) / 2;
		Rollout rollout = null;
		if (teamSize > 0 && sorted.size() >= needed) {
			LocalDate start = granularity.periodOf(sorted.get(needed - 1).atZone(ZoneOffset.UTC).toLocalDate());
			rollout = new Rollout(start, granularity.next(start).minusDays(1));
		}
		List<Period> periods = new ArrayList<>();
		if (!values.isEmpty()) {
			for (LocalDate start = values.firstKey(); !start.isAfter(values.lastKey()); start = granularity.next(start)) {
				LocalDate next = granularity.next(start);
				Instant end = next.atStartOfDay(ZoneOffset.UTC).toInstant();
				int done = (int) sorted.stream().filter(t -> t.isBefore(end)).count();
				Side side = rollout == null ? null
						: start.isBefore(rollout.periodStart()) ? Side.BEFORE : Side.AFTER;
				periods.add(new Period(start, next.minusDays(1), values.get(start), done,
						teamSize == 0 ? null : done / (double) teamSize, side));
			}
		}
		BeforeAfter beforeAfter = null;
		String missing = null;
		if (values.isEmpty()) {
			missing = "No values yet: enter a value per " + granularity.noun() + " or import them from a CSV file.";
		}
		else if (teamSize == 0) {
			missing = "The team has no members, so there is no rollout to compare with.";
		}
		else if (rollout == null) {
			missing = "The rollout has not been reached yet: " + sorted.size() + " of " + teamSize + " members have "
					+ basis.verb() + " every linked course, and half the team (" + needed + ") is needed.";
		}
		else {
			beforeAfter = compare(periods, metric.direction());
			if (beforeAfter == null) {
				boolean noneBefore = periods.stream().noneMatch(p -> p.side() == Side.BEFORE && p.value() != null);
				missing = noneBefore
						? "There are no values before the rollout " + granularity.noun() + "; enter earlier values to compare."
						: "There are no values from the rollout " + granularity.noun() + " on yet.";
			}
		}
		return new OutcomeReport(metric, teamName, courses, basis, teamSize, sorted.size(), List.copyOf(periods), rollout,
				beforeAfter, missing);
	}

	private static BeforeAfter compare(List<Period> periods, OutcomeMetric.Direction direction) {
		double beforeSum = 0;
		int beforeCount = 0;
		double afterSum = 0;
		int afterCount = 0;
		for (Period p : periods) {
			if (p.value() == null) {
				continue;
			}
			if (p.side() == Side.BEFORE) {
				beforeSum += p.value();
				beforeCount++;
			}
			else {
				afterSum += p.value();
				afterCount++;
			}
		}
		if (beforeCount == 0 || afterCount == 0) {
			return null;
		}
		double before = beforeSum / beforeCount;
		double after = afterSum / afterCount;
		double change = after - before;
		Double relative = before == 0 ? null : change / Math.abs(before);
		Verdict verdict = change == 0 ? Verdict.UNCHANGED
				: (change < 0) == (direction == OutcomeMetric.Direction.LOWER_IS_BETTER) ? Verdict.BETTER : Verdict.WORSE;
		return new BeforeAfter(before, beforeCount, after, afterCount, change, relative, verdict);
	}

	/** A number for people: up to two decimals, no trailing zeros. */
	public static String plain(double value) {
		String text = String.format(Locale.ROOT, "%.2f", value);
		text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
		return "-0".equals(text) ? "0" : text;
	}

	/** A fraction as a whole percentage, or a dash. */
	public static String percent(Double share) {
		return share == null ? "—" : Math.round(share * 100) + "%";
	}
}
