package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A person's learning hours in a team's planning period changed from {@code before} to {@code hours} (null: none
 * given), by {@code by}: in planning, or by an ALLOCATE_HOURS intervention ({@code intervention} and
 * {@code capability} then name it; null otherwise).
 */
public record HoursAllocated(String period, String periodName, LocalDate startsOn, LocalDate endsOn, TeamId team,
		PersonId person, BigDecimal before, BigDecimal hours, InterventionId intervention, CapabilityId capability,
		PersonId by) {
}
