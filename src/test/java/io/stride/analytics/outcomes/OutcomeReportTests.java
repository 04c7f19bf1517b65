package io.stride.analytics.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import io.stride.authoring.CourseId;
import io.stride.identity.TeamId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The before/after figure in the cases the API tests don't reach: months, "higher is better", a mean of 0 before,
 * a rollout before the first value, and a team without members.
 */
class OutcomeReportTests {

	@Test
	void aMonthlyMetricWhereHigherIsBetterCanMoveTheWrongWay() {
		// team of 3: half rounded up is 2; the 2nd member is done on 2026-02-20, so February is the rollout month.
		// before: January 50; after: February 40 and March 45, mean 42.5. Change -7.5, -15% of 50: worse.
		OutcomeReport r = report(OutcomeMetric.Direction.HIGHER_IS_BETTER, OutcomeMetric.Granularity.MONTH, 3,
				List.of(Instant.parse("2026-01-15T10:00:00Z"), Instant.parse("2026-02-20T10:00:00Z")),
				values("2026-01-01", 50, "2026-02-01", 40, "2026-03-01", 45));
		assertThat(r.rollout().periodStart()).isEqualTo(LocalDate.parse("2026-02-01"));
		assertThat(r.rollout().lastDay()).isEqualTo(LocalDate.parse("2026-02-28"));
		assertThat(r.periods()).extracting(OutcomeReport.Period::done).containsExactly(1, 2, 2);
		var ba = r.beforeAfter();
		assertThat(ba.beforeMean()).isEqualTo(50.0);
		assertThat(ba.afterMean()).isEqualTo(42.5);
		assertThat(ba.relativeChange()).isCloseTo(-0.15, within(1e-12));
		assertThat(ba.verdict()).isEqualTo(OutcomeReport.Verdict.WORSE);
		assertThat(ba.changeText()).isEqualTo("-7.5 (-15%)");
		assertThat(r.rule()).startsWith("Rollout: the first month at whose end");
	}

	@Test
	void aMeanOfZeroBeforeHasNoRelativeChange() {
		// weeks 03-02 (0) and 03-09 (2); the one member of a team of 1 is done on Sunday 03-08 23:59, in week 1.
		// Before: none, so nothing to compare; move the completion to week 2 and before = 0, after = 2.
		var early = report(OutcomeMetric.Direction.LOWER_IS_BETTER, OutcomeMetric.Granularity.WEEK, 1,
				List.of(Instant.parse("2026-03-08T23:59:00Z")), values("2026-03-02", 0, "2026-03-09", 2));
		assertThat(early.beforeAfter()).isNull();
		assertThat(early.missing()).startsWith("There are no values before the rollout week");
		var later = report(OutcomeMetric.Direction.LOWER_IS_BETTER, OutcomeMetric.Granularity.WEEK, 1,
				List.of(Instant.parse("2026-03-09T00:00:00Z")), values("2026-03-02", 0, "2026-03-09", 2));
		assertThat(later.beforeAfter().absoluteChange()).isEqualTo(2.0);
		assertThat(later.beforeAfter().relativeChange()).isNull();
		assertThat(later.beforeAfter().verdict()).isEqualTo(OutcomeReport.Verdict.WORSE);
		assertThat(later.beforeAfter().changeText()).isEqualTo("+2");
	}

	@Test
	void withoutMembersOrValuesThereIsNothingToCompare() {
		var empty = report(OutcomeMetric.Direction.LOWER_IS_BETTER, OutcomeMetric.Granularity.WEEK, 0, List.of(),
				values("2026-03-02", 1));
		assertThat(empty.missing()).isEqualTo("The team has no members, so there is no rollout to compare with.");
		assertThat(empty.periods().get(0).share()).isNull();
		var none = report(OutcomeMetric.Direction.LOWER_IS_BETTER, OutcomeMetric.Granularity.WEEK, 2, List.of(),
				new TreeMap<>());
		assertThat(none.periods()).isEmpty();
		assertThat(none.missing()).startsWith("No values yet");
	}

	@Test
	void aGapBetweenValuesIsShownAsAPeriodWithoutAValue() {
		var r = report(OutcomeMetric.Direction.LOWER_IS_BETTER, OutcomeMetric.Granularity.WEEK, 2, List.of(),
				values("2026-03-02", 4, "2026-03-16", 3));
		assertThat(r.periods()).extracting(OutcomeReport.Period::valueText).containsExactly("4", "—", "3");
		assertThat(r.missing()).contains("0 of 2 members", "half the team (1)");
	}

	@Test
	void periodsAreNamedByTheirFirstDay() {
		assertThat(OutcomeMetric.Granularity.WEEK.problemWith(LocalDate.parse("2026-03-04")))
			.isEqualTo("2026-03-04 is a Wednesday; weeks are named by their Monday: use 2026-03-02.");
		assertThat(OutcomeMetric.Granularity.MONTH.problemWith(LocalDate.parse("2026-03-04")))
			.isEqualTo("2026-03-04 is not the first of a month; months are named by their first day: use 2026-03-01.");
		assertThat(OutcomeValueRules.periodProblem(LocalDate.parse("2026-03-09"), OutcomeMetric.Granularity.WEEK,
				LocalDate.parse("2026-03-08"))).isEqualTo("the week of 2026-03-09 has not begun yet");
		assertThat(OutcomeValueRules.number("1e3")).isEqualTo(1000.0);
		assertThat(OutcomeValueRules.number("NaN")).isNull();
		assertThat(OutcomeValueRules.number("12,5")).isNull();
	}

	private static OutcomeReport report(OutcomeMetric.Direction direction, OutcomeMetric.Granularity granularity,
			int teamSize, List<Instant> done, TreeMap<LocalDate, Double> values) {
		OutcomeMetric metric = new OutcomeMetric("m", new TeamId("t"), "Metric", "units", direction, granularity, "",
				List.of(new CourseId("c")), 1);
		return OutcomeReport.compute(metric, "Team", List.of(), OutcomeReport.Basis.COMPLETED, teamSize, done, values);
	}

	private static TreeMap<LocalDate, Double> values(Object... pairs) {
		TreeMap<LocalDate, Double> values = new TreeMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(LocalDate.parse((String) pairs[i]), ((Number) pairs[i + 1]).doubleValue());
		}
		return values;
	}
}
