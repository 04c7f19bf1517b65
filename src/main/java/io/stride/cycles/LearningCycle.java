package io.stride.cycles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.stride.capability.PersonRef;

/**
 * A learning cycle with its contract, as one viewer may read it ({@code access}). {@code warnings} are the gentle
 * notes on the contract's balance ("no goal serves your team or the organization yet"); they never block.
 */
public record LearningCycle(CycleId id, PersonRef owner, String title, LocalDate startsOn, LocalDate endsOn,
		CycleStatus status, Visibility visibility, List<PersonRef> viewers, List<PersonRef> invited, List<Goal> goals,
		Integer reminderAfterDays, int revision, Instant createdAt, Instant closedAt, CycleAccess access,
		List<String> warnings) {

	public LearningCycle {
		viewers = List.copyOf(viewers);
		invited = List.copyOf(invited);
		goals = List.copyOf(goals);
		warnings = List.copyOf(warnings);
	}

	public boolean active() {
		return status == CycleStatus.ACTIVE;
	}

	public boolean ownedByViewer() {
		return access == CycleAccess.OWNER;
	}

	/** Length in days, both ends counted as in "a 60-day cycle". */
	public long days() {
		return ChronoUnit.DAYS.between(startsOn, endsOn);
	}
}
