package io.stride.shared;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications that never completed to their listeners again, on a live node (issue 20).
 * <p>
 * A node killed while a listener ran (or before it started) leaves its publications incomplete in
 * {@code event_publication}. Resubmitting every incomplete publication when a node starts
 * ({@code republish-outstanding-events-on-restart}) would also take those another live node is processing at that
 * moment, and run them twice. Instead, Spring Modulith's staleness monitor (every node,
 * {@code spring.modulith.events.staleness.*}) marks a publication {@code FAILED} only once it has waited longer than
 * any listener takes, and this job resubmits the failed ones: each is claimed with an update that only one node
 * wins ({@code RESUBMITTED}), and one node at a time runs the job. A publication that failed
 * {@code stride.events.max-attempts} times is left for an operator (it fails for a reason a retry does not fix).
 */
@Component
class EventResubmission {

	private final FailedEventPublications failed;

	private final int maxAttempts;

	EventResubmission(FailedEventPublications failed, @Value("${stride.events.max-attempts}") int maxAttempts) {
		this.failed = failed;
		this.maxAttempts = maxAttempts;
	}

	@Scheduled(fixedDelayString = "${stride.events.resubmit-every}", initialDelayString = "${stride.events.resubmit-every}")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT5M")
	void resubmitFailed() {
		failed.resubmit(ResubmissionOptions.defaults()
			.withBatchSize(100)
			.withFilter(publication -> publication.getCompletionAttempts() < maxAttempts));
	}
}
