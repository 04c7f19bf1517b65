package io.stride.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.TeamId;
import io.stride.integration.WebhookEvent;
import io.stride.shared.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues an event for every subscription that wants it: the signed JSON envelope for webhooks, the chat message for
 * the Slack and Teams connections of the teams it concerns. Joins the caller's transaction, so an event is queued
 * exactly when what it tells of is committed.
 * <p>
 * The rows are written just before the transaction commits, under a lock on the single row of
 * {@code webhook_outbox_order} that is held until the commit: their {@code seq} is then taken in commit order. Written
 * when the event happened, a transaction that committed later could hold an earlier {@code seq}, and a deliverer that
 * sends by {@code seq} would send it after events committed later, or before events committed earlier. The lock is
 * held only for those inserts and the commit, and is taken only when some subscription wants the events.
 */
@Component
public class Outbox {

	private final DeliveryRows deliveries;

	private final JsonMapper json;

	private final Clock clock;

	Outbox(DeliveryRows deliveries, JsonMapper json, Clock clock) {
		this.deliveries = deliveries;
		this.json = json;
		this.clock = clock;
	}

	/** {@code chat} null, or {@code teams} empty, posts to no chat. */
	/** Whether any webhook (not paused) subscribes to this type: bulk work asks once instead of once per event. */
	public boolean anyWebhookWants(WebhookEvent type) {
		return deliveries.anyWants(type.type(), List.of());
	}

	public void enqueue(WebhookEvent type, Map<String, Object> data, Collection<TeamId> teams, ChatMessages chat) {
		List<String> teamIds = chat != null && type.chat() ? teams.stream().map(TeamId::value).distinct().toList()
				: List.of();
		if (!deliveries.anyWants(type.type(), teamIds)) {
			return;
		}
		String id = Ids.newId();
		Instant at = clock.instant();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", id);
		envelope.put("type", type.type());
		envelope.put("occurredAt", at.toString());
		envelope.put("data", data);
		Queued queued = new Queued(id, type.type(), at, json.writeValueAsString(envelope), teamIds,
				teamIds.isEmpty() ? null : json.writeValueAsString(chat.slack()),
				teamIds.isEmpty() ? null : json.writeValueAsString(chat.teams()));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deliveries.lockOrder(at);
			write(queued);
			return;
		}
		AtCommit atCommit = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(AtCommit.class::isInstance)
			.map(AtCommit.class::cast)
			.findFirst()
			.orElseGet(() -> {
				AtCommit made = new AtCommit();
				TransactionSynchronizationManager.registerSynchronization(made);
				return made;
			});
		atCommit.queued.add(queued);
	}

	private void write(Queued q) {
		deliveries.enqueueWebhooks(q.id(), q.type(), q.at(), q.body());
		if (!q.teamIds().isEmpty()) {
			deliveries.enqueueChat("SLACK", q.teamIds(), q.id(), q.type(), q.at(), q.slack());
			deliveries.enqueueChat("TEAMS", q.teamIds(), q.id(), q.type(), q.at(), q.teams());
		}
	}

	private record Queued(String id, String type, Instant at, String body, List<String> teamIds, String slack,
			String teams) {
	}

	/** The events of one transaction, written in the order they happened just before it commits. */
	private final class AtCommit implements TransactionSynchronization {

		final List<Queued> queued = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (queued.isEmpty()) {
				return;
			}
			deliveries.lockOrder(clock.instant());
			queued.forEach(Outbox.this::write);
			queued.clear();
		}

		@Override
		public int getOrder() {
			// last of all: nothing the transaction does after the lock can wait on another transaction holding it
			return LOWEST_PRECEDENCE;
		}
	}
}
