package io.stride.rhythm;

import java.math.BigDecimal;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A manager asked to spend more than their team's budget has left: it waits for L&D's approval; {@code approvers}
 * are the L&D people (and admins) who may give it. {@code withoutBudget}: no budget period of the team holds the day,
 * so nothing was left at all.
 */
public record BudgetApprovalRequested(String spendId, TeamId team, PersonId requestedBy, String requestedByName,
		String description, BigDecimal amount, String currency, boolean withoutBudget, List<PersonId> approvers) {

	public BudgetApprovalRequested {
		approvers = List.copyOf(approvers);
	}
}
