package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.Team;

/**
 * A team's coverage on a day (today, or a day within the forecast): the team and the teams below it, capabilities
 * with a target first (short, then at risk, then covered), then those somebody holds without a target.
 */
public record TeamCoverage(Team team, LocalDate on, LocalDate today, int members, List<CapabilityCoverage> capabilities) {

	public TeamCoverage {
		capabilities = List.copyOf(capabilities);
	}
}
