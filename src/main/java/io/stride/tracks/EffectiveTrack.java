package io.stride.tracks;

import java.util.List;

import io.stride.identity.TeamId;

/**
 * A track as a team's people follow it: the organization's steps in a team's order and pacing when a team's version
 * applies ({@code overridden}), made on base version {@code baseVersion} (older than the track's version when the
 * base changed since: steps added since come at their base place, steps removed are gone). The version that applies
 * is the team's own, else that of the nearest team above it that has one ({@code versionTeam}, named
 * {@code versionTeamName}; both null when the organization's track applies).
 */
public record EffectiveTrack(Track track, TeamId team, List<TrackStep> steps, boolean overridden, int baseVersion,
		TeamId versionTeam, String versionTeamName) {

	public EffectiveTrack {
		steps = List.copyOf(steps);
	}

	/** Whether the version that applies is the team's own (not the organization's, nor one inherited from above). */
	public boolean ownVersion() {
		return overridden && versionTeam != null && versionTeam.equals(team);
	}

	/** Whose version this is, as people read it: "Customer Success's version" or "the organization's". */
	public String versionInWords() {
		return overridden ? versionTeamName + "’s version" : "the organization’s";
	}
}
