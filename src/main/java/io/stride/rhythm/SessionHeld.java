package io.stride.rhythm;

import java.time.Instant;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A ritual's session was marked held by {@code by} (once per change to HELD), with the gaps and interventions it had
 * recorded by then.
 */
public record SessionHeld(SessionId session, RitualId ritual, TeamId team, String ritualName, Instant startsAt,
		Instant heldAt, int gaps, int interventions, PersonId by) {
}
