package io.stride.rhythm;

import java.util.List;

import io.stride.identity.Team;

/** A ritual with its recent and upcoming meetings (from two weeks back) and its stored sessions, latest first. */
public record RitualDetail(Ritual ritual, Team team, List<RitualSchedule.Occurrence> meetings, List<Session> sessions) {

	public RitualDetail {
		meetings = List.copyOf(meetings);
		sessions = List.copyOf(sessions);
	}
}
