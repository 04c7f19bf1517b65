package io.stride.capability;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** A team's own coverage target was set, changed or removed ({@code minPeople} 0), for the audit log. */
public record CapabilityTargetChanged(TeamId teamId, String teamName, CapabilityId capabilityId, String capabilityName,
		String levelName, int minPeople, PersonId by) {
}
