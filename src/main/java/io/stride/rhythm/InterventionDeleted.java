package io.stride.rhythm;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** An open intervention was deleted by {@code by}; its place among the session's three is free again. */
public record InterventionDeleted(InterventionId intervention, SessionId session, TeamId team, InterventionKind kind,
		CapabilityId capability, String description, PersonId by) {
}
