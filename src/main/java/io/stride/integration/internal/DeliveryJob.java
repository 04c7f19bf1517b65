package io.stride.integration.internal;

import io.stride.integration.WebhookDeliverer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a delivery run every second ({@code stride.integration.delivery-cron}); "-" turns it off, as in the tests,
 * which call {@link WebhookDeliverer#deliverDue()} themselves. Every node runs it: the leases keep each
 * subscription with one run at a time.
 */
@Component
class DeliveryJob {

	private final WebhookDeliverer deliverer;

	DeliveryJob(WebhookDeliverer deliverer) {
		this.deliverer = deliverer;
	}

	@Scheduled(cron = "${stride.integration.delivery-cron:* * * * * *}", zone = "UTC")
	void deliver() {
		deliverer.deliverDue();
	}

	/** Hourly; on several nodes at once it only deletes the same old rows twice over. */
	@Scheduled(cron = "${stride.integration.prune-cron:0 17 * * * *}", zone = "UTC")
	void prune() {
		deliverer.pruneLog();
	}
}
