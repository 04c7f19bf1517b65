package io.stride.rhythm;

import java.util.List;

import io.stride.identity.Team;

/** A team's rituals (live first), each with its next meeting (null when retired). */
public record TeamRituals(Team team, List<Line> rituals) {

	public TeamRituals {
		rituals = List.copyOf(rituals);
	}

	public record Line(Ritual ritual, RitualSchedule.Occurrence next) {
	}
}
