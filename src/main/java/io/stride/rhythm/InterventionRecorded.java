package io.stride.rhythm;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A session recorded a capability intervention; {@code person} is whom it addresses besides its owner, or null;
 * {@code by} who recorded it.
 */
public record InterventionRecorded(InterventionId intervention, SessionId session, TeamId team, InterventionKind kind,
		PersonId owner, PersonId person, CapabilityId capability, String summary, PersonId by) {
}
