package io.stride.rhythm;

import java.time.Instant;

import io.stride.identity.TeamId;

/**
 * A session's pre-read is ready ahead of it (sent once per session): for the team's managers by email and to the
 * team's chat. {@code markdown} is the pre-read as Markdown (its times in the ritual's zone); {@code path} the page
 * that shows it; {@code timeZone} the ritual's ("Europe/Lisbon"), in which {@code startsAt} is shown
 * ({@link RitualTimes}).
 */
public record PreReadReady(SessionId session, TeamId team, String ritualName, Instant startsAt, String markdown,
		String path, String timeZone) {
}
