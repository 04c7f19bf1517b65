package io.stride.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.stride.identity.TeamId;

/**
 * A meeting a team already runs, declared for learning: its cadence from the first session (at the same local time in
 * {@code timeZone}), its length, the block of its agenda kept for capability planning, and how many hours before a
 * session its pre-read is sent. A retired ritual meets no more; its sessions stay.
 */
public record Ritual(RitualId id, TeamId teamId, RitualKind kind, String name, Cadence cadence, Instant firstStartsAt,
		String timeZone, int durationMinutes, int agendaMinutes, String agendaNote, int preReadHours, int revision,
		Instant retiredAt) {

	public boolean retired() {
		return retiredAt != null;
	}

	/** A time of the ritual as its team reads it: in its zone, with the zone's abbreviation ("2027-01-12 09:00 WET"). */
	public String timeOf(Instant at) {
		return RitualTimes.formatter(RitualTimes.zone(timeZone)).format(at);
	}

	/** When the pre-read of the meeting at {@code startsAt} is sent, as {@link #timeOf}. */
	public String preReadTimeOf(Instant startsAt) {
		return timeOf(startsAt.minus(Duration.ofHours(preReadHours)));
	}

	/** The first session's local day and time in the ritual's zone, e.g. "2027-01-12 09:00 (Europe/Lisbon)". */
	public String localFirstStart() {
		return firstStartsAt.atZone(ZoneId.of(timeZone)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " ("
				+ timeZone + ")";
	}
}
