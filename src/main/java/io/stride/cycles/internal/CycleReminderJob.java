package io.stride.cycles.internal;

import io.stride.cycles.CycleReminders;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily check-in reminders of learning cycles ({@code stride.cycles.reminder-cron}, 07:00 UTC); "-" turns it off,
 * as in the tests, which call {@link CycleReminders#send()} with a moved clock. One node at a time (ADR 0039).
 */
@Component
class CycleReminderJob {

	private static final Logger log = LoggerFactory.getLogger(CycleReminderJob.class);

	private final CycleReminders reminders;

	CycleReminderJob(CycleReminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(cron = "${stride.cycles.reminder-cron:0 0 7 * * *}", zone = "UTC")
	// held ten minutes past its end so that a node whose clock is late does not remind everyone again
	@SchedulerLock(name = "cycles-check-in-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void remind() {
		log.info("Cycles: {} check-in reminders sent", reminders.send());
	}
}
