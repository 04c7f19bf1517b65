package io.stride.integration.internal;

import io.stride.integration.LrsForwardDeliverer;
import io.stride.shared.RunsOnEveryNode;
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

	/*
	 * No cluster-wide lock, as for the webhooks' delivery run: a run serves forwarders one after another and may spend
	 * up to half a lease on one slow LRS; each forwarder is leased by one conditional UPDATE, so nodes never send the
	 * same forwarder's batches, and a second node serves another LRS meanwhile.
	 */
	@Scheduled(cron = "${stride.integration.lrs.delivery-cron:${stride.integration.delivery-cron:* * * * * *}}", zone = "UTC")
	@RunsOnEveryNode("forwarders are leased one by one, so every node's run serves different LRSs")
	void deliver() {
		deliverer.deliverDue();
	}
}
