package io.stride.rhythm.internal;

import io.stride.rhythm.PreReadSending;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the pre-reads of sessions about to start ({@code stride.rhythm.pre-read-cron}, every 15 minutes); "-" turns
 * it off, as in the tests, which call {@link PreReadSending#sendDue()} with a moved clock. One node at a time
 * (ADR 0039).
 */
@Component
class PreReadJob {

	private static final Logger log = LoggerFactory.getLogger(PreReadJob.class);

	private final PreReadSending sending;

	PreReadJob(PreReadSending sending) {
		this.sending = sending;
	}

	@Scheduled(cron = "${stride.rhythm.pre-read-cron:0 */15 * * * *}", zone = "UTC")
	// a dead node's lock runs out before the next quarter hour, whose run sends what this one did not
	@SchedulerLock(name = "rhythm-pre-reads", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void send() {
		int sent = sending.sendDue();
		if (sent > 0) {
			log.info("Rhythm: {} pre-reads sent", sent);
		}
	}
}
