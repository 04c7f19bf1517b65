package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.TeamId;

/**
 * Every team's short and at-risk capabilities (today or within the forecast), grouped by capability and ranked by
 * how many teams and how soon.
 */
public record RiskReport(LocalDate on, List<CapabilityRisk> capabilities) {

	public RiskReport {
		capabilities = List.copyOf(capabilities);
	}

	public record CapabilityRisk(CapabilityId id, String name, String category, int teamsShort, int teamsAtRisk,
			int teamsShortSoon, LocalDate firstShortOn, List<TeamRisk> teams) {
	}

	/**
	 * {@code qualified}: qualified people available today (those away are not counted); {@code shortFrom}/{@code
	 * shortTo}: the first shortfall of the forecast (null if none within 90 days).
	 */
	public record TeamRisk(TeamId teamId, String teamName, CoverageStatus status, int qualified, int target,
			String levelName, int busFactor, LocalDate shortFrom, LocalDate shortTo) {
	}
}
