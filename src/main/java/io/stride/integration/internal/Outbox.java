package io.stride.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.TeamId;
import io.stride.integration.WebhookEvent;
import io.stride.shared.Ids;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues an event for every subscription that wants it: the signed JSON envelope for webhooks, the chat message for
 * the Slack and Teams connections of the teams it concerns. Joins the caller's transaction, so an event is queued
 * exactly when what it tells of is committed.
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
	public void enqueue(WebhookEvent type, Map<String, Object> data, Collection<TeamId> teams, ChatMessages chat) {
		String id = Ids.newId();
		Instant at = clock.instant();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", id);
		envelope.put("type", type.type());
		envelope.put("occurredAt", at.toString());
		envelope.put("data", data);
		deliveries.enqueueWebhooks(id, type.type(), at, json.writeValueAsString(envelope));
		if (chat != null && type.chat() && !teams.isEmpty()) {
			List<String> teamIds = teams.stream().map(TeamId::value).distinct().toList();
			deliveries.enqueueChat("SLACK", teamIds, id, type.type(), at, json.writeValueAsString(chat.slack()));
			deliveries.enqueueChat("TEAMS", teamIds, id, type.type(), at, json.writeValueAsString(chat.teams()));
		}
	}
}
