package io.stride.cycles;

import io.stride.identity.PersonId;

/**
 * A validator answered a request on {@code owner}'s goal. {@code levelNote} says what it means for the goal's
 * capability level (null when the goal names none or the answer is not VALIDATED).
 */
public record GoalValidationAnswered(String requestId, GoalId goalId, PersonId owner, PersonId validator,
		String validatorName, String goalWhat, ValidationStatus answer, String note, String levelNote) {
}
