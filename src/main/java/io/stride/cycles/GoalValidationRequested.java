package io.stride.cycles;

import io.stride.identity.PersonId;

/** {@code validator} was asked to validate a goal ({@code reminder}: the one reminder of a request still open). */
public record GoalValidationRequested(String requestId, PersonId validator, String requesterName, String goalWhat,
		String message, boolean reminder) {
}
