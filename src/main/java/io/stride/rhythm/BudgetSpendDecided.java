package io.stride.rhythm;

import java.math.BigDecimal;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** L&D approved or declined a spend that goes over a team's budget. */
public record BudgetSpendDecided(String spendId, TeamId team, PersonId requestedBy, String description,
		BigDecimal amount, boolean approved, String note) {
}
