package io.stride.capability;

import java.time.LocalDate;

import io.stride.identity.PersonId;

/**
 * A person away from {@code startsOn} to {@code endsOn}, both inclusive. {@code kind} is null for viewers who may see
 * the dates but not the kind. {@code source}: MANUAL, CSV or ICALENDAR.
 */
public record Absence(String id, PersonId personId, String personName, LocalDate startsOn, LocalDate endsOn,
		AbsenceKind kind, String source) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}
}
