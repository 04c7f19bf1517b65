package io.stride.cycles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.stride.cycles.internal.CheckInRows;
import io.stride.cycles.internal.CheckInRows.DueCycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gentle check-in reminder. A cycle's reminder day is its start plus {@code reminder_after_days} (halfway when
 * that is null; 0 means no reminder). From that day on, until the cycle ends, the daily job reminds its owner once,
 * as soon as they have gone {@link #QUIET_DAYS} days without checking in (or never checked in). Someone who checks
 * in regularly never hears from it; {@code reminded_at} records that it was sent, so it is sent only once.
 */
@Service
public class CycleReminders {

	/** A check-in within this many days means the person is on it: no reminder (yet). */
	public static final int QUIET_DAYS = 7;

	private final CheckInRows rows;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CycleReminders(CheckInRows rows, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.events = events;
		this.clock = clock;
	}

	/** Sends the reminders due today; how many. A second run (or node) the same day sends none twice. */
	@Transactional
	public int send() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Instant quietSince = now.minus(Duration.ofDays(QUIET_DAYS));
		int sent = 0;
		for (DueCycle due : rows.remindersDue(today)) {
			if (due.lastCheckIn() != null && due.lastCheckIn().isAfter(quietSince)) {
				continue;
			}
			if (rows.markReminded(due.id(), now)) {
				events.publishEvent(new CheckInReminderDue(due.id(), due.personId(), due.title(), due.endsOn()));
				sent++;
			}
		}
		return sent;
	}
}
