package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;

/**
 * A cycle to start: {@code days} from {@code startsOn} (today when null; 60 days when null), who reads the contract,
 * and what it starts from: nothing, a previous cycle's goals ({@code fromCycle}) or a team's template
 * ({@code fromTemplate}). {@code reminderAfterDays}: when the check-in reminder comes (null: halfway; 0: never).
 */
public record NewCycle(String title, LocalDate startsOn, Integer days, Visibility visibility, List<PersonId> viewers,
		CycleId fromCycle, String fromTemplate, Integer reminderAfterDays) {

	public NewCycle {
		viewers = viewers == null ? List.of() : List.copyOf(viewers);
	}

	public static NewCycle blank(String title) {
		return new NewCycle(title, null, null, null, List.of(), null, null, null);
	}
}
