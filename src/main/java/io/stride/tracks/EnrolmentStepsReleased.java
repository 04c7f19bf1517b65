package io.stride.tracks;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * Steps opened for people in one release (the nightly run, or at once when a step's day is today): one entry per
 * person and track, so each person hears once per run, not once per step.
 */
public record EnrolmentStepsReleased(List<Released> released) {

	/** The steps that opened for one person in one track. */
	public record Released(PersonId person, String enrolmentId, TrackId trackId, String trackTitle, List<String> stepTitles) {

		public Released {
			stepTitles = List.copyOf(stepTitles);
		}
	}

	public EnrolmentStepsReleased {
		released = List.copyOf(released);
	}
}
