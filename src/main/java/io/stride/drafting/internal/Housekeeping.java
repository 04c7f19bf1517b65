package io.stride.drafting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets drafts nobody turned into a course after a while, and finished drafting jobs. Idempotent deletes, so
 * it is harmless when several nodes run it; the hourly run is still one node's at a time (ADR 0039).
 */
@Component
class Housekeeping {

	private final JdbcClient jdbc;

	private final Duration keepDrafts;

	Housekeeping(JdbcClient jdbc, @Value("${stride.drafting.keep-drafts-days:30}") int keepDraftsDays) {
		this.jdbc = jdbc;
		this.keepDrafts = Duration.ofDays(keepDraftsDays);
	}

	/*
	 * Each node's timer starts with the node, so the nodes' hours do not line up: held fifty minutes, the lock makes
	 * it about one run an hour for the whole cluster rather than one per node. The run itself takes seconds.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "drafting-housekeeping", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
	void hourly() {
		forgetOldDrafts();
	}

	void forgetOldDrafts() {
		Instant now = Instant.now();
		jdbc.sql("DELETE FROM drafts WHERE created_at < ?").param(Timestamp.from(now.minus(keepDrafts))).update();
		jdbc.sql("DELETE FROM draft_jobs WHERE updated_at < ?").param(Timestamp.from(now.minus(Duration.ofDays(2)))).update();
	}
}
