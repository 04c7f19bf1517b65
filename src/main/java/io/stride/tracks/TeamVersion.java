package io.stride.tracks;

import java.util.List;
import java.util.Map;

import io.stride.identity.TeamId;

/**
 * A team's version of a track as its editor reads it: the base steps, the team's effective steps, per step what
 * differs from the base ("moved from 3 to 1"), and, when the base changed since the version was made, what changed
 * ({@code baseChanges}; empty when it is up to date). Without a version of its own, the team follows the version of
 * the nearest team above it that has one ({@link #inheritedFrom}), else the organization's. {@code revision} is 0 while the team has no version of its own.
 */
public record TeamVersion(Track track, TeamId team, String teamName, List<TrackStep> base, EffectiveTrack effective,
		Map<String, List<String>> differences, List<String> baseChanges, String note, int revision, boolean mayEdit) {

	public TeamVersion {
		base = List.copyOf(base);
		differences = Map.copyOf(differences);
		baseChanges = List.copyOf(baseChanges);
	}

	/** Whether the team has a version of its own (not one inherited from a team above it). */
	public boolean overridden() {
		return effective.ownVersion();
	}

	/** The team above whose version this team follows for want of its own; null when none applies. */
	public String inheritedFrom() {
		return effective.overridden() && !effective.ownVersion() ? effective.versionTeamName() : null;
	}

	/** Whether the organization's track changed since the team's own version was made. */
	public boolean behind() {
		return overridden() && effective.baseVersion() < track.version();
	}
}
