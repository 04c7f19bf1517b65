package io.stride.rhythm;

import java.time.Instant;
import java.util.List;

import io.stride.rhythm.internal.ScheduleRows.RitualRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RitualScheduleOccurrencesTests {

	@Test
	void aWeeklyCallKeepsItsLocalTimeAcrossTheChangeOfClocks() {
		// 09:00 in Lisbon: UTC+1 in summer, UTC in winter (clocks go back on 25 October 2026)
		RitualRow call = ritual("WEEKLY", "2026-10-13T08:00:00Z", "Europe/Lisbon", null);
		assertThat(RitualSchedule.occurrences(call, Instant.parse("2026-10-19T00:00:00Z"),
				Instant.parse("2026-11-03T00:00:00Z")))
			.containsExactly(Instant.parse("2026-10-20T08:00:00Z"), Instant.parse("2026-10-27T09:00:00Z"));
	}

	@Test
	void aMonthlyReviewOnTheLastDayDoesNotDriftToTheTwentyEighth() {
		RitualRow review = ritual("MONTHLY", "2027-01-31T14:00:00Z", "UTC", null);
		assertThat(RitualSchedule.occurrences(review, Instant.parse("2027-01-01T00:00:00Z"),
				Instant.parse("2027-04-01T00:00:00Z")))
			.containsExactly(Instant.parse("2027-01-31T14:00:00Z"), Instant.parse("2027-02-28T14:00:00Z"),
					Instant.parse("2027-03-31T14:00:00Z"));
	}

	@Test
	void quarterlyAndFortnightlyCountFromTheFirstSessionAndStopWhenRetired() {
		RitualRow qbr = ritual("QUARTERLY", "2026-01-15T10:00:00Z", "UTC", null);
		assertThat(RitualSchedule.occurrences(qbr, Instant.parse("2026-05-01T00:00:00Z"),
				Instant.parse("2027-01-01T00:00:00Z")))
			.containsExactly(Instant.parse("2026-07-15T10:00:00Z"), Instant.parse("2026-10-15T10:00:00Z"));
		RitualRow retro = ritual("EVERY_TWO_WEEKS", "2026-11-02T15:00:00Z", "UTC", Instant.parse("2026-11-20T00:00:00Z"));
		List<Instant> starts = RitualSchedule.occurrences(retro, Instant.parse("2026-10-01T00:00:00Z"),
				Instant.parse("2026-12-31T00:00:00Z"));
		assertThat(starts).containsExactly(Instant.parse("2026-11-02T15:00:00Z"), Instant.parse("2026-11-16T15:00:00Z"));
	}

	private static RitualRow ritual(String cadence, String first, String zone, Instant retiredAt) {
		return new RitualRow("r", "t", "CUSTOM", "Ritual", cadence, Instant.parse(first), zone, 60, retiredAt);
	}
}
