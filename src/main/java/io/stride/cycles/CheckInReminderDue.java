package io.stride.cycles;

import java.time.LocalDate;

import io.stride.identity.PersonId;

/** The gentle check-in reminder of a learning cycle, sent once to its owner (see {@link CycleReminders}). */
public record CheckInReminderDue(CycleId cycleId, PersonId person, String title, LocalDate endsOn) {
}
