package io.stride.authoring;

import io.stride.identity.PersonId;

public record ReviewPolicyChanged(RiskTier tier, String summary, PersonId by) {
}
