package io.stride.cycles;

import java.util.List;

import io.stride.capability.PersonRef;
import io.stride.identity.TeamId;

/**
 * A team's people (its whole tree) with their active learning cycle, for its managers: who has one, its dates, goals,
 * progress and the priorities it serves. {@code active} is null for someone without an active cycle; its
 * {@code access} says whether the manager reads the contract or only sees that it exists.
 */
public record TeamCycles(TeamId teamId, String teamName, List<Member> members) {

	public record Member(PersonRef person, CycleSummary active) {
	}

	public TeamCycles {
		members = List.copyOf(members);
	}

	/** How many people have an active cycle. */
	public long withActiveCycle() {
		return members.stream().filter(m -> m.active() != null).count();
	}
}
