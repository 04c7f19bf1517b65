package io.stride.tracks;

import java.util.List;
import java.util.Map;

import io.stride.identity.TeamId;

/**
 * A team's version of a track as its editor reads it: the base steps, the team's effective steps, per step what
 * differs from the base ("moved from 3 to 1"), and, when the base changed since the version was made, what changed
 * ({@code baseChanges}; empty when it is up to date). {@code revision} is 0 while the team has no version of its own.
 */
public record TeamVersion(Track track, TeamId team, String teamName, List<TrackStep> base, EffectiveTrack effective,
		Map<String, List<String>> differences, List<String> baseChanges, String note, int revision, boolean mayEdit) {

	public TeamVersion {
		base = List.copyOf(base);
		differences = Map.copyOf(differences);
		baseChanges = List.copyOf(baseChanges);
	}

	public boolean overridden() {
		return effective.overridden();
	}

	/** Whether the organization's track changed since the team's version was made. */
	public boolean behind() {
		return effective.overridden() && effective.baseVersion() < track.version();
	}
}
