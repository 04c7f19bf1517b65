package io.stride.tracks;

import java.util.List;

import io.stride.identity.TeamId;

/**
 * A track as a team's people follow it: the organization's steps in the team's order and pacing when the team has
 * its own version ({@code overridden}), made on base version {@code baseVersion} (older than the track's version
 * when the base changed since: steps added since come at their base place, steps removed are gone).
 */
public record EffectiveTrack(Track track, TeamId team, List<TrackStep> steps, boolean overridden, int baseVersion) {

	public EffectiveTrack {
		steps = List.copyOf(steps);
	}
}
