package io.stride.cycles;

import java.time.Instant;
import java.util.List;

import io.stride.identity.TeamId;

/**
 * A team's contract template: goals its managers suggest the team's people start a cycle from. {@code mayEdit}: the
 * viewer manages the team (or is an admin).
 */
public record ContractTemplate(String id, TeamId teamId, String teamName, String title, List<Line> goals,
		Instant updatedAt, boolean mayEdit) {

	/** One goal line: what to learn, optionally a capability and level, and the evidence that shows it. */
	public record Line(String what, Goal.CapabilityRef capability, String evidence) {
	}

	public ContractTemplate {
		goals = List.copyOf(goals);
	}
}
