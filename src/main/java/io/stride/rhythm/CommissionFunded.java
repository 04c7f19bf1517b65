package io.stride.rhythm;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** L&D approved going over the budget for a commission that waited for it: its author may start. */
public record CommissionFunded(CommissionId commission, TeamId team, PersonId commissionedBy, PersonId author,
		String problem) {
}
