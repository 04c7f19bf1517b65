package io.stride.cycles;

import java.time.Instant;

import io.stride.capability.PersonRef;

/**
 * A request to validate a goal, as its owner or its validator reads it. {@code countsTowardLevel}: a VALIDATED answer
 * recorded a capability validation (the validator held the level); {@code wouldCountTowardLevel}: for the validator
 * of an open request, whether their answer would. {@code evidence} is filled for the validator's inbox.
 */
public record ValidationRequest(String id, GoalId goalId, String goalWhat, PersonRef owner, PersonRef validator,
		String message, ValidationStatus status, String note, boolean countsTowardLevel, boolean wouldCountTowardLevel,
		String capabilityName, String levelName, Instant createdAt, Instant answeredAt, Instant remindedAt,
		GoalEvidence evidence) {

	public boolean open() {
		return status == ValidationStatus.REQUESTED;
	}

	/**
	 * What a validated answer means for the goal's capability level, null when the goal names no level or the answer
	 * is not VALIDATED.
	 */
	public String levelNote() {
		if (status != ValidationStatus.VALIDATED || capabilityName == null || levelName == null) {
			return null;
		}
		return countsTowardLevel ? "Counts toward " + capabilityName + " at “" + levelName + "”."
				: "Counts toward your goal; to count toward " + capabilityName + " the validator must hold “" + levelName
						+ "”.";
	}
}
