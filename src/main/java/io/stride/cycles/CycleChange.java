package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;

/**
 * What the owner changes of an active cycle; a null part stays as it is. The length is given as {@code endsOn} or
 * as {@code days} from the start ({@code endsOn} wins). {@code viewers}: the named readers (replaces them).
 */
public record CycleChange(String title, LocalDate endsOn, Integer days, Visibility visibility, List<PersonId> viewers,
		Integer reminderAfterDays) {

	public CycleChange {
		viewers = viewers == null ? null : List.copyOf(viewers);
	}
}
