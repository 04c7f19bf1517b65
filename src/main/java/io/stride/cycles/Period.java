package io.stride.cycles;

import java.time.LocalDate;

/** A period the organization's and the teams' priorities belong to, e.g. "2027 H1", both days inclusive. */
public record Period(String id, String label, LocalDate startsOn, LocalDate endsOn) {

	public boolean includes(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}
}
