package io.stride.cycles;

import io.stride.identity.PersonId;

/** {@code helperName} offered to help with {@code owner}'s goal. */
public record HelpOffered(String offerId, GoalId goalId, PersonId owner, PersonId helper, String helperName,
		String goalWhat, String message) {
}
