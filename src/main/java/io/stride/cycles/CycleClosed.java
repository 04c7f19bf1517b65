package io.stride.cycles;

import java.time.Instant;

import io.stride.identity.PersonId;

/**
 * A person closed a learning cycle; {@code validatedGoals} counts its goals that at least one colleague validated
 * (badges whose criterion is "a cycle closed with validated goals" listen to it).
 */
public record CycleClosed(CycleId cycleId, PersonId person, int goals, int validatedGoals, Instant closedAt) {
}
