package io.stride.cycles;

import java.time.Instant;
import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A published priority of the organization ({@code teamId} null) or of a team, in one period. {@code revision} grows
 * with each edit and guards against overwriting someone else's.
 */
public record Priority(PriorityId id, Period period, TeamId teamId, PriorityKind kind, String title, String text,
		List<LinkedCapability> capabilities, int revision, PersonId publishedBy, Instant publishedAt, Instant updatedAt) {

	/** A capability the priority links to; {@code active} false once the capability is retired. */
	public record LinkedCapability(CapabilityId id, String name, boolean active) {
	}

	public Priority {
		capabilities = List.copyOf(capabilities);
	}

	public boolean ofOrganization() {
		return teamId == null;
	}
}
