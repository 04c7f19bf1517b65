package io.stride.capability;

import io.stride.identity.PersonId;

/**
 * The level a person holds today of a capability changed when their holdings were recomputed: {@code toRank} above
 * {@code fromRank} is a rise, below a drop; 0 is no level. Published in the transaction that stored the change, only
 * when it changed (expiry with the passing of days publishes nothing: see {@link CapabilityLevels#holdersBelow}).
 */
public record CapabilityLevelChanged(PersonId person, CapabilityId capability, int fromRank, int toRank) {
}
