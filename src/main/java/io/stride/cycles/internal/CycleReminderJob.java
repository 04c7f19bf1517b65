package io.stride.cycles.internal;

import io.stride.cycles.CycleReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily check-in reminders of learning cycles ({@code stride.cycles.reminder-cron}, 07:00 UTC); "-" turns it off,
 * as in the tests, which call {@link CycleReminders#send()} with a moved clock.
 */
@Component
class CycleReminderJob {

	private static final Logger log = LoggerFactory.getLogger(CycleReminderJob.class);

	private final CycleReminders reminders;

	CycleReminderJob(CycleReminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(cron = "${stride.cycles.reminder-cron:0 0 7 * * *}", zone = "UTC")
	void remind() {
		log.info("Cycles: {} check-in reminders sent", reminders.send());
	}
}
