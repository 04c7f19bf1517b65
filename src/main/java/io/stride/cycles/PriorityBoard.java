package io.stride.cycles;

import java.util.List;

import io.stride.capability.LearningNeed;
import io.stride.identity.Team;

/**
 * The priorities of the organization ({@code team} null) or of a team for one period ({@code period} null when the
 * organization has none yet): the own ones, for a team those of the teams above it and its suggested learning needs,
 * every period to switch to, and whether the viewer may publish and edit here.
 */
public record PriorityBoard(Team team, Period period, List<Period> periods, List<Priority> priorities,
		List<Priority> above, List<LearningNeed> learningNeeds, boolean mayEdit, Period previous) {

	public PriorityBoard {
		periods = List.copyOf(periods);
		priorities = List.copyOf(priorities);
		above = List.copyOf(above);
		learningNeeds = List.copyOf(learningNeeds);
	}

	public List<Priority> ofKind(PriorityKind kind) {
		return priorities.stream().filter(p -> p.kind() == kind).toList();
	}
}
