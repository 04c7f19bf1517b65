package io.stride.integration.internal;

import io.stride.integration.WebhookDeliverer;
import io.stride.shared.RunsOnEveryNode;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a delivery run every second ({@code stride.integration.delivery-cron}); "-" turns it off, as in the tests,
 * which call {@link WebhookDeliverer#deliverDue()} themselves. Every node runs it: the leases keep each
 * subscription with one run at a time. The hourly prune runs on one node at a time (ADR 0039).
 */
@Component
class DeliveryJob {

	private final WebhookDeliverer deliverer;

	DeliveryJob(WebhookDeliverer deliverer) {
		this.deliverer = deliverer;
	}

	/*
	 * No cluster-wide lock: a run serves subscriptions one after another and may spend up to half a lease (a minute)
	 * on one slow receiver, so a single run for the whole cluster would hold every other receiver back that long.
	 * Each subscription is leased by one conditional UPDATE, so two nodes never send the same subscription's
	 * deliveries, and with two nodes two slow receivers are served at once.
	 */
	@Scheduled(cron = "${stride.integration.delivery-cron:* * * * * *}", zone = "UTC")
	@RunsOnEveryNode("subscriptions are leased one by one, so every node's run serves different receivers")
	void deliver() {
		deliverer.deliverDue();
	}

	/**
	 * Hourly, on one node: on several at once it would only delete the same old rows twice over. It deletes at most
	 * 500,000 rows, in minutes at worst; a node that dies holding it lets another prune at the next hour.
	 */
	@Scheduled(cron = "${stride.integration.prune-cron:0 17 * * * *}", zone = "UTC")
	@SchedulerLock(name = "integration-webhook-log-prune", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void prune() {
		deliverer.pruneLog();
	}
}
