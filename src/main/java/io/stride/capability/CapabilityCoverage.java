package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

/**
 * One capability on a team's coverage page for a day: who is qualified (at the target's level or above, evidence
 * valid that day) and who of them is away that day, the target (null when none applies: then level 1 is counted),
 * the status (counting the qualified who are available, {@link #available()}), the bus factor (how many qualified
 * people can be away before the team is short; 0: one absence breaks it), the forecast's shortfalls within 90 days,
 * the people closest to qualifying, and the sentence that says it all, e.g.
 * "Complex escalations: 2 of 6 qualified, target 2, bus factor 0; short from 14 Jan to 28 Jan (Ana on leave)."
 */
public record CapabilityCoverage(CapabilityId capabilityId, String name, String category, int levelRank,
		String levelName, Target target, List<PersonRef> qualified, List<PersonRef> away, int members,
		CoverageStatus status, int busFactor, List<Shortfall> forecast, List<Candidate> closest,
		List<ExpiringHolding> expiring, boolean targetAboveTeamSize, String summary) {

	public CapabilityCoverage {
		qualified = List.copyOf(qualified);
		away = List.copyOf(away);
		forecast = List.copyOf(forecast);
		closest = List.copyOf(closest);
		expiring = List.copyOf(expiring);
	}

	/**
	 * The qualified people not away on the day: what the status, the snapshots and every figure of the operating
	 * rhythm (the manager's home, pre-reads, interventions' "holders") count as covering the capability.
	 */
	public int available() {
		return qualified.size() - away.size();
	}

	/** The first day of the first shortfall within the forecast, if any. */
	public LocalDate shortFrom() {
		return forecast.isEmpty() ? null : forecast.get(0).from();
	}
}
