package io.stride.rhythm;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** Someone filed a learning need; {@code capability} and {@code team} are null when they named none. */
public record LearningNeedFiled(LearningNeedId need, PersonId filedBy, String what, CapabilityId capability,
		TeamId team) {
}
