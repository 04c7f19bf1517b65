package io.stride.rhythm;

import java.math.BigDecimal;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * L&D ({@code decidedBy}) approved or declined a spend that goes over a team's budget; {@code commission} is the
 * commission it pays for, or null (a contract's external resource).
 */
public record BudgetSpendDecided(String spendId, TeamId team, PersonId requestedBy, String description,
		BigDecimal amount, boolean approved, String note, CommissionId commission, PersonId decidedBy) {
}
