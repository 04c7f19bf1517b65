package io.stride.capability.internal;

import io.stride.capability.Coverage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily expiry notices ({@code stride.capabilities.notices-cron}, 06:00 UTC) and the weekly coverage snapshot
 * ({@code stride.capabilities.snapshot-cron}, Mondays 04:00 UTC); "-" turns either off, as in the tests, which call
 * them directly. Each runs on one node at a time (ADR 0039); should two run at once all the same (a run outlasting
 * its lock), the second sends or saves nothing twice. Nodes fire a cron together, so holding a job ten minutes after
 * it ends keeps a node whose clock is a few minutes late from running it again; a node that dies holding one lets
 * the next day's (or week's) run catch up.
 */
@Component
class CapabilityJobs {

	private static final Logger log = LoggerFactory.getLogger(CapabilityJobs.class);

	private final ExpiryNotices notices;

	private final Coverage coverage;

	CapabilityJobs(ExpiryNotices notices, Coverage coverage) {
		this.notices = notices;
		this.coverage = coverage;
	}

	@Scheduled(cron = "${stride.capabilities.notices-cron:0 0 6 * * *}", zone = "UTC")
	@SchedulerLock(name = "capability-expiry-notices", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void sendExpiryNotices() {
		try {
			log.info("Capabilities: {} expiry notices sent", notices.send());
		}
		catch (DataIntegrityViolationException e) {
			log.info("Capabilities: another node sent the expiry notices first");
		}
	}

	@Scheduled(cron = "${stride.capabilities.snapshot-cron:0 0 4 * * MON}", zone = "UTC")
	@SchedulerLock(name = "capability-coverage-snapshot", lockAtMostFor = "PT2H", lockAtLeastFor = "PT10M")
	void snapshotWeekly() {
		try {
			log.info("Capabilities: weekly coverage snapshot of {} team capabilities", coverage.snapshotEveryTeam());
		}
		catch (DataIntegrityViolationException e) {
			log.info("Capabilities: another node took the weekly snapshot first");
		}
	}
}
