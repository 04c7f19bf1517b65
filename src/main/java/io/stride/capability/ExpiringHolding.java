package io.stride.capability;

import java.time.LocalDate;

import io.stride.identity.PersonId;

/**
 * A level someone holds that stops holding on {@code expiresOn} (within 60 days on the coverage page) unless its evidence is renewed;
 * {@code renewal} is what would renew it (e.g. the course to assign again), null when not known.
 */
public record ExpiringHolding(PersonId personId, String name, CapabilityId capabilityId, String capabilityName,
		int levelRank, String levelName, LocalDate expiresOn, long daysLeft, MissingEvidence renewal) {
}
