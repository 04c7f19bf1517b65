package io.stride.rhythm;

import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** A session recorded a skill gap in a capability, naming {@code people} who need deeper exposure (maybe none). */
public record GapRecorded(String gap, SessionId session, TeamId team, CapabilityId capability, String capabilityName,
		List<PersonId> people, PersonId by) {

	public GapRecorded {
		people = List.copyOf(people);
	}
}
