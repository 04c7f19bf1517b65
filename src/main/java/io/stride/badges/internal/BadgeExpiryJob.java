package io.stride.badges.internal;

import io.stride.badges.BadgeIssuer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily revocation of badges whose evidence expired ({@code stride.badges.expiry-cron}, 05:30 UTC; "-" turns it
 * off, as in the tests, which call {@link BadgeIssuer#revokeExpired()} directly). One node at a time (ADR 0039): the
 * lock sits on this method, not on {@code revokeExpired}, so that calling the revocation itself is never skipped.
 */
@Component
class BadgeExpiryJob {

	private final BadgeIssuer issuer;

	BadgeExpiryJob(BadgeIssuer issuer) {
		this.issuer = issuer;
	}

	// held ten minutes past its end so that a node whose clock is late does not run it again; a node that dies
	// holding it frees it within the hour, and the next day's run revokes what this one did not
	@Scheduled(cron = "${stride.badges.expiry-cron:0 30 5 * * *}", zone = "UTC")
	@SchedulerLock(name = "badges-expiry", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void revokeDaily() {
		issuer.revokeExpired();
	}
}
