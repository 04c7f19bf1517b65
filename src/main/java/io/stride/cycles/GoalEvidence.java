package io.stride.cycles;

import java.time.Instant;
import java.util.List;

import io.stride.capability.PersonRef;

/**
 * What a goal shows a validator: what was to be learned, the evidence planned, what was produced, the check-in notes
 * and, once the cycle closed, the reflection. Not the rest of the contract. {@code capabilityName} and
 * {@code levelName} are null when the goal names no capability (or no level).
 */
public record GoalEvidence(GoalId goalId, CycleId cycleId, PersonRef owner, String what, String capabilityName,
		String levelName, String evidence, List<Goal.Link> produced, List<CheckInNote> checkIns, int progress,
		GoalOutcome outcome, String reflection, boolean cycleClosed) {

	/** A check-in's note on the goal. */
	public record CheckInNote(String note, int progress, int minutes, Instant at) {
	}

	public GoalEvidence {
		produced = List.copyOf(produced);
		checkIns = List.copyOf(checkIns);
	}

	/** Whether the goal aims at a level of a capability: a qualified validation then counts toward it. */
	public boolean aimsAtLevel() {
		return capabilityName != null && levelName != null;
	}
}
