package io.stride.analytics.lifecycle;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the content lifecycle once a day ({@code stride.lifecycle.cron}, 03:30 UTC by default; "-" turns it off, as
 * in the tests, which call {@link Lifecycle#proposeNew()} themselves). When two nodes run it at once, the unique open
 * proposal per course and kind lets one of them save; the other's run is rolled back and logged, and nobody is told
 * twice. With the lock (ADR 0039) that happens only when a run outlasts it.
 */
@Component
class LifecycleJob {

	private static final Logger log = LoggerFactory.getLogger(LifecycleJob.class);

	private final Lifecycle lifecycle;

	LifecycleJob(Lifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Scheduled(cron = "${stride.lifecycle.cron:0 30 3 * * *}", zone = "UTC")
	// held ten minutes past its end so that a node whose clock is late does not run it again
	@SchedulerLock(name = "analytics-lifecycle", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void proposeDaily() {
		try {
			int saved = lifecycle.proposeNew();
			log.info("Content lifecycle: {} new proposals", saved);
		}
		catch (DataIntegrityViolationException e) {
			log.info("Content lifecycle: another node saved the same proposals first");
		}
	}
}
