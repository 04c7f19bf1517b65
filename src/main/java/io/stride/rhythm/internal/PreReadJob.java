package io.stride.rhythm.internal;

import io.stride.rhythm.PreReadSending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the pre-reads of sessions about to start ({@code stride.rhythm.pre-read-cron}, every 15 minutes); "-" turns
 * it off, as in the tests, which call {@link PreReadSending#sendDue()} with a moved clock.
 */
@Component
class PreReadJob {

	private static final Logger log = LoggerFactory.getLogger(PreReadJob.class);

	private final PreReadSending sending;

	PreReadJob(PreReadSending sending) {
		this.sending = sending;
	}

	@Scheduled(cron = "${stride.rhythm.pre-read-cron:0 */15 * * * *}", zone = "UTC")
	void send() {
		int sent = sending.sendDue();
		if (sent > 0) {
			log.info("Rhythm: {} pre-reads sent", sent);
		}
	}
}
