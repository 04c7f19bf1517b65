package io.stride.rhythm;

import java.util.List;

import io.stride.identity.Team;

/** A session with what it recorded: its skill gaps and its interventions (by position). */
public record SessionRecord(Session session, Team team, List<Gap> gaps, List<Intervention> interventions) {

	public SessionRecord {
		gaps = List.copyOf(gaps);
		interventions = List.copyOf(interventions);
	}

	/** Whether another intervention fits (at most {@link Interventions#MAX_PER_SESSION}). */
	public boolean roomForIntervention() {
		return interventions.size() < Interventions.MAX_PER_SESSION;
	}
}
