package io.stride.rhythm;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A manager commissioned a module from {@code author}; {@code intervention} is the session's intervention it carries
 * out, or null. {@code waitingForFunding}: it goes over the team's budget and waits for L&D's approval (the author
 * hears of it once approved, through {@link CommissionFunded}).
 */
public record CommissionCreated(CommissionId commission, TeamId team, PersonId commissionedBy, PersonId author,
		String problem, InterventionId intervention, boolean waitingForFunding) {
}
