package io.stride.integration;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.Role;
import io.stride.integration.internal.ForwardRows;
import io.stride.integration.internal.OutgoingHttp;
import io.stride.integration.internal.OutgoingUrls;
import io.stride.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends each forwarder's outbox to its LRS, in commit order, as {@code POST statements} batches of at most
 * {@value #BATCH}: a run leases a forwarder (one run at a time across nodes), sends batch after batch and stops at the
 * first failure, which holds only that forwarder: the same batch is tried again after an exponential back-off
 * (doubling from {@code back-off}, at most {@code max-back-off}), forever, so an LRS that is down loses nothing and
 * gets everything in order once it is back. After {@code alert-after-failures} failures in a row admins are told once.
 * <p>
 * A statement is sent as Stride's LRS returns it, less {@code stored} and {@code authority}, which the receiving LRS
 * sets itself; its id is kept, so a batch sent twice (an answer lost after the LRS stored it) is the same statements
 * again, which an LRS accepts. The LRS's credentials are never logged.
 */
@Service
public class LrsForwardDeliverer {

	private static final Logger log = LoggerFactory.getLogger(LrsForwardDeliverer.class);

	static final int BATCH = 50;

	static final int FORWARDERS_PER_RUN = 20;

	private final ForwardRows rows;

	private final OutgoingUrls urls;

	private final OutgoingHttp http;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Organization organization;

	private final Clock clock;

	private final Duration backOff;

	private final Duration maxBackOff;

	private final Duration lease;

	private final int alertAfter;

	LrsForwardDeliverer(ForwardRows rows, OutgoingUrls urls, OutgoingHttp http, JsonMapper json,
			ApplicationEventPublisher events, TransactionTemplate transactions, Organization organization, Clock clock,
			@Value("${stride.integration.lrs.back-off:${stride.integration.back-off:30s}}") Duration backOff,
			@Value("${stride.integration.lrs.max-back-off:${stride.integration.max-back-off:1h}}") Duration maxBackOff,
			@Value("${stride.integration.lease:2m}") Duration lease,
			@Value("${stride.integration.alert-after-failures:5}") int alertAfter) {
		this.rows = rows;
		this.urls = urls;
		this.http = http;
		this.json = json;
		this.events = events;
		this.transactions = transactions;
		this.organization = organization;
		this.clock = clock;
		this.backOff = backOff;
		this.maxBackOff = maxBackOff;
		this.lease = lease;
		this.alertAfter = alertAfter;
	}

	/** One run: sends what is due; how many statements the LRSs took. */
	public int deliverDue() {
		String run = Ids.newId();
		int sent = 0;
		for (String id : rows.due(clock.instant(), FORWARDERS_PER_RUN)) {
			Instant now = clock.instant();
			if (!rows.lease(id, run, now, now.plus(lease))) {
				continue;
			}
			try {
				sent += deliver(id);
			}
			finally {
				rows.release(id, run);
			}
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
		}
		return sent;
	}

	private int deliver(String id) {
		ForwardRows.Row forwarder = rows.find(id).orElse(null);
		if (forwarder == null || forwarder.pausedAt() != null) {
			return 0;
		}
		long started = System.nanoTime();
		// well inside the lease, so that no other run takes the forwarder while this one still sends
		long budget = lease.toNanos() / 2;
		int sent = 0;
		while (System.nanoTime() - started < budget) {
			List<ForwardRows.Waiting> batch = rows.waiting(id, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			Map<String, String> statements = rows.statements(batch.stream().map(ForwardRows.Waiting::statementId).toList());
			long last = batch.getLast().seq();
			Outcome outcome = statements.isEmpty() ? new Outcome(true, null, null) : send(forwarder, batch, statements);
			Instant at = clock.instant();
			if (outcome.ok()) {
				transactions.executeWithoutResult(tx -> rows.delivered(id, last, statements.size(), at));
				sent += statements.size();
			}
			else {
				failed(forwarder, outcome, at);
				break;
			}
		}
		return sent;
	}

	private void failed(ForwardRows.Row forwarder, Outcome outcome, Instant at) {
		Duration wait = backOff(forwarder.consecutiveFailures() + 1);
		transactions.executeWithoutResult(tx -> {
			int failures = rows.failed(forwarder.id(), at, at.plus(wait), outcome.error());
			if (failures >= alertAfter && rows.markAlerted(forwarder.id(), at)) {
				events.publishEvent(new LrsForwardingFailing(forwarder.id(), forwarder.name(), failures, outcome.error(),
						organization.withRole(Role.ADMIN).stream().map(Person::id).toList()));
			}
		});
		log.info("LRS forwarding: forwarder {} failed ({}); next try in {}", forwarder.id(), outcome.error(), wait);
	}

	/** The wait after {@code failures} failures in a row: back-off doubled per failure, at most max-back-off. */
	Duration backOff(int failures) {
		Duration wait = backOff;
		for (int i = 1; i < failures && wait.compareTo(maxBackOff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
	}

	private record Outcome(boolean ok, Integer code, String error) {
	}

	private Outcome send(ForwardRows.Row forwarder, List<ForwardRows.Waiting> batch, Map<String, String> statements) {
		OutgoingUrls.Target target = urls.target(forwarder.endpoint() + "statements");
		if (target.problem() != null) {
			return new Outcome(false, null, target.problem());
		}
		ArrayNode body = json.createArrayNode();
		for (ForwardRows.Waiting w : batch) {
			String statement = statements.get(w.statementId());
			if (statement != null) {
				body.add(forwarded(statement));
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json; charset=utf-8");
		headers.put("X-Experience-API-Version", "1.0.3");
		headers.put("User-Agent", "Stride-LRS-Forwarding/1");
		headers.put("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((forwarder.username() + ":" + forwarder.secret()).getBytes(StandardCharsets.UTF_8)));
		try {
			int code = http.post(target, headers, json.writeValueAsString(body));
			return code >= 200 && code < 300 ? new Outcome(true, code, null)
					: new Outcome(false, code, "The LRS answered " + code + explain(code) + ".");
		}
		catch (OutgoingHttp.TimedOut e) {
			return new Outcome(false, null, e.connecting() ? "Connecting timed out."
					: "No answer within " + http.readTimeout().toSeconds() + " s.");
		}
		catch (ConnectException e) {
			return new Outcome(false, null, "Could not connect: the LRS refused the connection (is it down?).");
		}
		catch (IOException | RuntimeException e) {
			// the message can hold the address: only the kind is kept
			return new Outcome(false, null, "Could not connect or send (" + e.getClass().getSimpleName() + ").");
		}
	}

	private static String explain(int code) {
		return switch (code) {
			case 401 -> " (the key or secret is not accepted)";
			case 403 -> " (the key may not write statements)";
			case 404 -> " (no statements resource there: check the endpoint ends with the xAPI base, such as /xapi/)";
			case 409 -> " (it holds a different statement with one of these ids)";
			case 413 -> " (the batch is too large for it)";
			default -> "";
		};
	}

	private JsonNode forwarded(String statement) {
		JsonNode node = json.readTree(statement);
		if (node instanceof ObjectNode object) {
			object.remove("stored");
			object.remove("authority");
		}
		return node;
	}
}
