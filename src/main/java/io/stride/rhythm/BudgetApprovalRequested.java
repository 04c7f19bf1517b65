package io.stride.rhythm;

import java.math.BigDecimal;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** A manager asked to spend more than their team's budget has left: it waits for L&D's approval. */
public record BudgetApprovalRequested(String spendId, TeamId team, PersonId requestedBy, String requestedByName,
		String description, BigDecimal amount, String currency) {
}
