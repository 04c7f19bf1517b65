package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.capability.PersonRef;

/** One line of a list of cycles (mine, a team's): enough to choose one, and what its goals serve. */
public record CycleSummary(CycleId id, PersonRef owner, String title, LocalDate startsOn, LocalDate endsOn,
		CycleStatus status, int goals, int progress, List<Goal.ServedPriority> serves, boolean servesSelf,
		CycleAccess access) {

	public CycleSummary {
		serves = List.copyOf(serves);
	}
}
