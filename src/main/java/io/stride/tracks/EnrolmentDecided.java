package io.stride.tracks;

import io.stride.identity.PersonId;

/** A manager approved or declined a request to join a high-investment track; the person is told, with the reason. */
public record EnrolmentDecided(String enrolmentId, TrackId trackId, String trackTitle, PersonId person,
		boolean approved, String reason, String decidedByName) {
}
