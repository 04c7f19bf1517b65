package io.stride.rhythm;

import java.time.Instant;

import io.stride.identity.TeamId;

/** A ritual's meeting once prepared or held: PLANNED, HELD or SKIPPED, with its notes. */
public record Session(SessionId id, RitualId ritualId, String ritualName, TeamId teamId, Instant startsAt,
		int durationMinutes, String status, String notes, Instant heldAt) {

	/** Gaps and interventions are recorded during or after the meeting, not for one that was skipped. */
	public boolean recordable() {
		return !"SKIPPED".equals(status);
	}
}
