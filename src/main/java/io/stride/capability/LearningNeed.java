package io.stride.capability;

import java.time.LocalDate;

/**
 * A capability a team is short of or at risk on, as a suggested learning need for its members: the level the target
 * asks for, the status and the first day of the first shortfall in the forecast (null when none). Names no people.
 */
public record LearningNeed(CapabilityId capabilityId, String name, int levelRank, String levelName,
		CoverageStatus status, LocalDate shortFrom) {
}
