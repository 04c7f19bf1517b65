package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;

/**
 * A level a person holds stops holding on {@code expiresOn} ({@code daysAhead}: 60 or 14) unless its evidence is
 * renewed; {@code renewal} proposes how, e.g. "Assign “Handling a complex escalation” again". Sent to the person and
 * their managers.
 */
public record CapabilityEvidenceExpiring(PersonId personId, String personName, CapabilityId capabilityId,
		String capabilityName, String levelName, LocalDate expiresOn, int daysAhead, String renewal,
		List<PersonId> managers) {
}
