package io.stride.integration.internal;

import io.stride.integration.LrsForwardDeliverer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a forwarding run every second ({@code stride.integration.lrs.delivery-cron}); "-" turns it off, as in the
 * tests, which call {@link LrsForwardDeliverer#deliverDue()} themselves. Every node runs it: the leases keep each
 * forwarder with one run at a time.
 */
@Component
class ForwardJob {

	private final LrsForwardDeliverer deliverer;

	ForwardJob(LrsForwardDeliverer deliverer) {
		this.deliverer = deliverer;
	}

	@Scheduled(cron = "${stride.integration.lrs.delivery-cron:${stride.integration.delivery-cron:* * * * * *}}", zone = "UTC")
	void deliver() {
		deliverer.deliverDue();
	}
}
