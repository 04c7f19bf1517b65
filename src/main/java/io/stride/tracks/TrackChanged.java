package io.stride.tracks;

import io.stride.identity.PersonId;

/**
 * A track or a team's version of it was changed ({@code change}: CREATED, UPDATED, STEP_ADDED, STEP_CHANGED,
 * STEP_REMOVED, REORDERED, PUBLISHED, ARCHIVED, TEAM_VERSION_SAVED, TEAM_VERSION_KEPT, TEAM_VERSION_RESET), with what
 * changed in words; the audit log records it.
 */
public record TrackChanged(TrackId trackId, String title, String change, String detail, PersonId by) {
}
