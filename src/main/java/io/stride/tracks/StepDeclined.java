package io.stride.tracks;

import io.stride.identity.PersonId;

/** A manager declined a high-investment step of a person's track for now; the person is told, with the reason. */
public record StepDeclined(String enrolmentId, TrackId trackId, String trackTitle, PersonId person, String stepTitle,
		String reason, String decidedByName) {
}
