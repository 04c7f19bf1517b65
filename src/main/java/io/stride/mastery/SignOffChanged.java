package io.stride.mastery;

import io.stride.identity.PersonId;

/** A task was signed off for a person, or the sign-off withdrawn; published in the transaction that changed it. */
public record SignOffChanged(PersonId personId, String taskId, boolean signedOff) {
}
