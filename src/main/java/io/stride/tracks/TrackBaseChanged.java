package io.stride.tracks;

import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A published track's steps or pacing changed (version {@code fromVersion} to {@code toVersion}) while these teams
 * follow a version of their own: their managers are told to review it.
 */
public record TrackBaseChanged(TrackId trackId, String title, int fromVersion, int toVersion, List<TeamId> teams,
		PersonId by) {

	public TrackBaseChanged {
		teams = List.copyOf(teams);
	}
}
