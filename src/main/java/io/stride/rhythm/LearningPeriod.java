package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;

import io.stride.identity.TeamId;

/**
 * A team's planning period (a sprint or a month), both days included. Its length in learning hours is its working
 * time: weekdays (Monday to Friday) times {@link #HOURS_PER_DAY}; nobody is given more learning hours than that.
 */
public record LearningPeriod(String id, TeamId team, String name, LocalDate startsOn, LocalDate endsOn, int revision) {

	public static final int HOURS_PER_DAY = 8;

	public boolean includes(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

	/** Monday to Friday from the first day to the last, both included. */
	public int workingDays() {
		return workingDays(startsOn, endsOn);
	}

	/** The most learning hours a person may be given in the period. */
	public BigDecimal maxHours() {
		return BigDecimal.valueOf((long) workingDays() * HOURS_PER_DAY);
	}

	static int workingDays(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}
}
