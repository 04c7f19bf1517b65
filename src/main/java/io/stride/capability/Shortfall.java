package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

/**
 * A stretch of days (both inclusive) in the forecast when fewer qualified people are available than the target,
 * with the least available on any of those days and why, e.g. "Ana on leave", "Priya's evidence expires".
 */
public record Shortfall(LocalDate from, LocalDate to, int available, List<String> reasons) {

	public Shortfall {
		reasons = List.copyOf(reasons);
	}
}
