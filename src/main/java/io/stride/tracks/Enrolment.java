package io.stride.tracks;

import java.time.Instant;
import java.time.LocalDate;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A person's enrolment in a track. {@code team} is the team whose version of the track the person follows;
 * {@code enrolledOn} is set once the enrolment is ACTIVE (at once for an open track, on approval for a high-investment
 * one); {@code decisionReason} is the manager's reason for a decline (and an approval's note, if any).
 */
public record Enrolment(String id, TrackId trackId, PersonId personId, TeamId team, EnrolmentStatus status,
		PersonId requestedBy, Instant requestedAt, String requestNote, PersonId decidedBy, Instant decidedAt,
		String decisionReason, LocalDate enrolledOn, Instant completedAt, int revision) {
}
