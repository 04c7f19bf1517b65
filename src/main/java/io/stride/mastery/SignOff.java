package io.stride.mastery;

import java.time.Instant;
import java.time.LocalDate;

import io.stride.identity.PersonId;

/**
 * A task signed off for a learner by someone who watched them do it, on the day they watched, with a note.
 */
public record SignOff(String id, String taskId, PersonId personId, PersonId signedBy, String signerName,
		LocalDate observedOn, String note, Instant createdAt) {
}
