package io.stride.capability.internal;

import java.util.Collection;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import org.springframework.stereotype.Component;

/**
 * Keeps capability_holdings true: the levels each person holds, recomputed from evidence in the transaction that
 * changed the evidence or the rules.
 */
@Component
public class Holdings {

	/** After a capability's levels or rules changed (or it was created, retired or merged into). */
	public void recomputeCapability(CapabilityId capability) {
		// the engine lands next; until then nothing is held
	}

	/** After these people's own evidence (certificates, validations) of a capability changed. */
	public void recompute(Collection<PersonId> people, CapabilityId capability) {
		// the engine lands next; until then nothing is held
	}
}
