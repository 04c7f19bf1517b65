package io.stride.identity.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sign-in sessions from the database. Spring Session's own cleanup is switched off
 * ({@code spring.session.jdbc.cleanup-cron: "-"}) so that this is an ordinary scheduled job, which the cluster's job
 * lock can keep to one node at a time; a node that runs it anyway finds nothing left to delete.
 */
@Component
class ExpiredSessions {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "${stride.sessions.cleanup-cron:0 */5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "identity-expired-sessions", lockAtMostFor = "PT4M", lockAtLeastFor = "PT30S")
	void deleteExpired() {
		sessions.cleanUpExpiredSessions();
	}
}
