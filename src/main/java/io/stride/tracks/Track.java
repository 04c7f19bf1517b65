package io.stride.tracks;

import java.time.Instant;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A development track. {@code ownerTeam} is null for the organization's tracks (L&D's); {@code version} counts
 * changes to a published track's steps and pacing (a team's override names the version it was made on);
 * {@code revision} guards edits.
 */
public record Track(TrackId id, String title, String description, String roleFamily, String capabilityId,
		boolean highInvestment, String investmentNote, TrackStatus status, TeamId ownerTeam, int version, int revision,
		PersonId createdBy, Instant publishedAt) {
}
