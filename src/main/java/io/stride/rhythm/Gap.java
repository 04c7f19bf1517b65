package io.stride.rhythm;

import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;

/** A skill gap a session recorded: a capability, and the people who need deeper exposure to it (maybe none). */
public record Gap(String id, SessionId sessionId, CapabilityId capabilityId, String capabilityName, String note,
		List<PersonRef> people) {

	public Gap {
		people = List.copyOf(people);
	}
}
