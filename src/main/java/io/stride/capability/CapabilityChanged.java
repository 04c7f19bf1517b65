package io.stride.capability;

import io.stride.identity.PersonId;

/**
 * A keeper changed the catalogue: {@code change} is CREATED, UPDATED, RETIRED, RESTORED, MERGED_AWAY or MERGED_INTO;
 * {@code detail} says what in a line, for the audit log.
 */
public record CapabilityChanged(CapabilityId capabilityId, String name, String change, String detail, PersonId by) {
}
