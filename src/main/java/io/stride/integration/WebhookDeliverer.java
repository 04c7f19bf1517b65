package io.stride.integration;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.Role;
import io.stride.integration.internal.DeliveryRows;
import io.stride.integration.internal.OutgoingUrls;
import io.stride.integration.internal.OutgoingHttp;
import io.stride.integration.internal.Signatures;
import io.stride.integration.internal.SubscriptionRows;
import io.stride.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, in order per subscription: a delivery run leases a subscription (one run at a time
 * across nodes, by a conditional UPDATE), sends its waiting deliveries oldest first and stops at the first failure,
 * which blocks only that subscription: its head is tried again after an exponential back-off (doubling from
 * {@code back-off}, at most {@code max-back-off}), forever, so a receiver that is down loses nothing and gets
 * everything in order once it is back. After {@code alert-after-failures} failures in a row admins are told once.
 * The queue of a receiver that stays down is bounded: once its oldest waiting event is older than
 * {@code pause-after-age}, or more than {@code pause-after-waiting} events wait, the subscription is paused (admins are
 * told), nothing more is queued for it, and what it kept is delivered in order when an admin resumes it.
 * Webhook URLs are secrets: they are never logged.
 */
@Service
public class WebhookDeliverer {

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

	/** Subscriptions served per run, and deliveries per subscription per run. */
	static final int SUBSCRIPTIONS_PER_RUN = 50;

	static final int DELIVERIES_PER_RUN = 500;

	private final SubscriptionRows subscriptions;

	private final DeliveryRows deliveries;

	private final OutgoingUrls urls;

	private final OutgoingHttp http;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Organization organization;

	private final Clock clock;

	private final Duration backOff;

	private final Duration maxBackOff;

	private final Duration lease;

	private final int alertAfter;

	private final Duration keepDelivered;

	private final Duration pauseAfterAge;

	private final int pauseAfterWaiting;

	WebhookDeliverer(SubscriptionRows subscriptions, DeliveryRows deliveries, OutgoingUrls urls, OutgoingHttp http,
			ApplicationEventPublisher events, TransactionTemplate transactions, Organization organization, Clock clock,
			@Value("${stride.integration.back-off:30s}") Duration backOff,
			@Value("${stride.integration.max-back-off:1h}") Duration maxBackOff,
			@Value("${stride.integration.lease:2m}") Duration lease,
			@Value("${stride.integration.alert-after-failures:5}") int alertAfter,
			@Value("${stride.integration.keep-delivered:7d}") Duration keepDelivered,
			@Value("${stride.integration.pause-after-age:7d}") Duration pauseAfterAge,
			@Value("${stride.integration.pause-after-waiting:10000}") int pauseAfterWaiting) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.urls = urls;
		this.http = http;
		this.events = events;
		this.transactions = transactions;
		this.organization = organization;
		this.clock = clock;
		this.backOff = backOff;
		this.maxBackOff = maxBackOff;
		this.lease = lease;
		this.alertAfter = alertAfter;
		this.keepDelivered = keepDelivered;
		this.pauseAfterAge = pauseAfterAge;
		this.pauseAfterWaiting = pauseAfterWaiting;
	}

	/** One delivery run: sends what is due; how many deliveries succeeded. */
	public int deliverDue() {
		String run = Ids.newId();
		int sent = 0;
		pauseOverflowing();
		List<String> due = subscriptions.due(clock.instant(), SUBSCRIPTIONS_PER_RUN);
		log.debug("Webhooks: {} subscriptions with deliveries due", due.size());
		for (String id : due) {
			Instant now = clock.instant();
			if (!subscriptions.lease(id, run, now, now.plus(lease))) {
				continue; // another run has it
			}
			try {
				sent += deliver(id);
			}
			finally {
				subscriptions.release(id, run);
			}
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
		}
		return sent;
	}

	/**
	 * Pauses the failing subscriptions whose queue went over a limit: the oldest waiting event older than
	 * {@code pause-after-age} or more than {@code pause-after-waiting} waiting; how many were paused.
	 */
	int pauseOverflowing() {
		int paused = 0;
		Instant now = clock.instant();
		for (SubscriptionRows.Row s : subscriptions.failingUnpaused()) {
			String reason = null;
			Instant oldest = deliveries.oldestPending(s.id());
			if (oldest != null && oldest.isBefore(now.minus(pauseAfterAge))) {
				reason = "Its oldest waiting event is older than " + days(pauseAfterAge) + ".";
			}
			else if (deliveries.countPending(s.id(), pauseAfterWaiting + 1) > pauseAfterWaiting) {
				reason = "More than " + pauseAfterWaiting + " events wait for it.";
			}
			if (reason == null) {
				continue;
			}
			String why = reason;
			Boolean done = transactions.execute(tx -> {
				if (!subscriptions.pause(s.id(), now, why)) {
					return false;
				}
				events.publishEvent(new WebhookPaused(s.id(), s.kind(), s.description(), why,
						organization.withRole(Role.ADMIN).stream().map(Person::id).toList()));
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				paused++;
				log.warn("Webhooks: subscription {} paused: {}", s.id(), why);
			}
		}
		return paused;
	}

	private static String days(Duration d) {
		return d.toHours() % 24 == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : d.toHours() + " hours";
	}

	/**
	 * Prunes the delivery log: deliveries delivered longer than {@code keep-delivered} ago, in bounded batches; how
	 * many. Waiting deliveries are never pruned.
	 */
	public int pruneLog() {
		Instant before = clock.instant().minus(keepDelivered);
		int pruned = 0;
		for (int batch = 0; batch < 100; batch++) {
			int deleted = deliveries.pruneDelivered(before, 5000);
			pruned += deleted;
			if (deleted < 5000) {
				break;
			}
		}
		return pruned;
	}

	private int deliver(String id) {
		SubscriptionRows.Row s = subscriptions.find(id).orElse(null);
		if (s == null) {
			return 0;
		}
		long started = System.nanoTime();
		// stop well inside the lease, so that no other run takes the subscription while this one still sends
		long budget = lease.toNanos() / 2;
		int sent = 0;
		for (DeliveryRows.Row d : deliveries.pending(id, DELIVERIES_PER_RUN)) {
			if (System.nanoTime() - started > budget) {
				break;
			}
			Outcome outcome = send(s, d);
			Instant at = clock.instant();
			if (outcome.ok()) {
				deliveries.delivered(d.seq(), at, outcome.code());
				if (sent == 0) {
					subscriptions.healthy(id);
				}
				sent++;
			}
			else {
				failed(s, d, outcome, at);
				break;
			}
		}
		return sent;
	}

	private void failed(SubscriptionRows.Row s, DeliveryRows.Row d, Outcome outcome, Instant at) {
		Duration wait = backOff(d.attempts() + 1);
		transactions.executeWithoutResult(tx -> {
			deliveries.failed(d.seq(), at, outcome.code(), outcome.error());
			int failures = subscriptions.failed(s.id(), at.plus(wait));
			if (failures >= alertAfter && subscriptions.markAlerted(s.id(), at)) {
				events.publishEvent(new WebhookFailing(s.id(), s.kind(), s.description(), failures, outcome.error(),
						organization.withRole(Role.ADMIN).stream().map(Person::id).toList()));
			}
		});
		log.info("Webhooks: delivery {} to subscription {} failed ({}); next try in {}", d.eventId(), s.id(),
				outcome.error(), wait);
	}

	/** The wait before attempt {@code attempts + 1}: back-off doubled per attempt made, at most max-back-off. */
	Duration backOff(int attempts) {
		Duration wait = backOff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackOff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
	}

	private record Outcome(boolean ok, Integer code, String error) {
	}

	private Outcome send(SubscriptionRows.Row s, DeliveryRows.Row d) {
		// checked again at each send: a host's address may have changed since it was subscribed; the address checked
		// is the one connected to (OutgoingHttp), so a DNS answer that changes after the check reaches nothing unchecked
		OutgoingUrls.Target target = urls.target(s.url());
		if (target.problem() != null) {
			return new Outcome(false, null, target.problem());
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json; charset=utf-8");
		headers.put("User-Agent", "Stride-Webhooks/1");
		if ("WEBHOOK".equals(s.kind())) {
			long timestamp = clock.instant().getEpochSecond();
			headers.put("Stride-Event-Id", d.eventId());
			headers.put("Stride-Event-Type", d.eventType());
			headers.put("Stride-Signature", "t=" + timestamp + ",v1=" + Signatures.sign(s.secret(), timestamp, d.body()));
		}
		try {
			// the whole exchange has a deadline: a receiver that trickles its answer would otherwise hold the delivery
			// run (and the scheduler thread) for as long as it liked
			int code = http.post(target, headers, d.body());
			return code >= 200 && code < 300 ? new Outcome(true, code, null)
					: new Outcome(false, code, "The receiver answered " + code + ".");
		}
		catch (OutgoingHttp.TimedOut e) {
			return new Outcome(false, null, e.connecting() ? "Connecting timed out."
					: "No answer within " + http.readTimeout().toSeconds() + " s.");
		}
		catch (IOException | RuntimeException e) {
			// the exception's message can hold the address: only its kind is kept
			return new Outcome(false, null, "Could not connect or send (" + e.getClass().getSimpleName() + ").");
		}
	}
}
