package io.stride.tracks;

import io.stride.identity.TeamId;

/**
 * A track's own fields as written: {@code ownerTeam} null for the organization's track (L&D and admins), a team for
 * a manager's track (seen by that team's tree); {@code ownerTeam} is fixed once the track exists.
 */
public record TrackDraft(String title, String description, String roleFamily, String capabilityId,
		boolean highInvestment, String investmentNote, TeamId ownerTeam) {
}
