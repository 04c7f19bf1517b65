package io.stride.cycles.internal;

import io.stride.cycles.PeerValidation;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily reminder of validation requests still open after {@code stride.cycles.validation-reminder-days} (7)
 * days ({@code stride.cycles.validation-reminders-cron}, 06:30 UTC; "-" turns it off, as in the tests, which call
 * {@link PeerValidation#sendReminders()} directly). Each request is reminded once, even with two nodes; the run itself
 * is on one node at a time (ADR 0039).
 */
@Component
class ValidationJobs {

	private static final Logger log = LoggerFactory.getLogger(ValidationJobs.class);

	private final PeerValidation validation;

	ValidationJobs(PeerValidation validation) {
		this.validation = validation;
	}

	@Scheduled(cron = "${stride.cycles.validation-reminders-cron:0 30 6 * * *}", zone = "UTC")
	// held ten minutes past its end so that a node whose clock is late does not run it again; a node that dies
	// holding it frees it within the hour, and what it did not send goes the next day (requests stay open)
	@SchedulerLock(name = "cycles-validation-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void remindValidators() {
		log.info("Cycles: {} validators reminded of open validation requests", validation.sendReminders());
	}
}
