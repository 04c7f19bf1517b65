package io.stride.tracks;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * Someone asked for a person to join a high-investment track: the person's managers ({@code managers}) are told.
 * {@code requestedByName} is the person themselves or the manager who proposed them.
 */
public record EnrolmentRequested(String enrolmentId, TrackId trackId, String trackTitle, PersonId person,
		String personName, String requestedByName, String note, List<PersonId> managers) {

	public EnrolmentRequested {
		managers = List.copyOf(managers);
	}
}
