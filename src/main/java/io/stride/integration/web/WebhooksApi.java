package io.stride.integration.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.integration.WebhookEvent;
import io.stride.integration.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Webhooks and chat", description = "Admins only (404 for everyone else): outgoing webhook subscriptions "
		+ "(JSON signed with HMAC-SHA256, see docs/webhooks.md), teams' Slack and Microsoft Teams connections, and "
		+ "each one's delivery log")
@SecurityRequirement(name = "bearer")
class WebhooksApi {

	private final Webhooks webhooks;

	WebhooksApi(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record SubscriptionBody(String url, List<String> eventTypes, String description) {
	}

	/** {@code tool}: SLACK or TEAMS. */
	record ChatBody(String tool, String url) {
	}

	record EventTypeView(String type, String description, boolean chat) {
	}

	/** {@code url} masked (scheme and host); {@code secret} only in the answer that creates a webhook. */
	record SubscriptionView(String id, String kind, String teamId, String url, List<String> eventTypes,
			String description, int consecutiveFailures, Instant retryAt, int pending, Instant createdAt,
			Instant pausedAt, String pausedReason, String secret) {

		static SubscriptionView of(Webhooks.Subscription s, String secret) {
			return new SubscriptionView(s.id(), s.kind().name(), s.team() == null ? null : s.team().value(),
					s.maskedUrl(), s.eventTypes(), s.description(), s.consecutiveFailures(), s.retryAt(), s.pending(),
					s.createdAt(), s.pausedAt(), s.pausedReason(), secret);
		}
	}

	@GetMapping("/webhook-event-types")
	@Operation(summary = "The event types a subscription may name; chat ones are also posted to teams' chat")
	List<EventTypeView> types() {
		return Arrays.stream(WebhookEvent.values())
			.map(e -> new EventTypeView(e.type(), e.description(), e.chat()))
			.toList();
	}

	@GetMapping("/webhook-subscriptions")
	@Operation(summary = "Webhook subscriptions and chat connections, newest first")
	List<SubscriptionView> list(Viewer me) {
		return webhooks.all(me).stream().map(s -> SubscriptionView.of(s, null)).toList();
	}

	@PostMapping("/webhook-subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Subscribe an https URL to event types; the answer's secret signs every delivery and is shown "
			+ "only now. 422 at url (not https, a private or local address, unknown host), eventTypes (none or "
			+ "unknown), description (over 200 characters)")
	SubscriptionView subscribe(Viewer me, @RequestBody SubscriptionBody body) {
		Webhooks.NewSubscription made = webhooks.subscribe(me, body.url(), body.eventTypes(),
				body.description());
		return SubscriptionView.of(made.subscription(), made.secret());
	}

	@GetMapping("/webhook-subscriptions/{id}")
	@Operation(summary = "A subscription or chat connection")
	SubscriptionView one(Viewer me, @PathVariable String id) {
		return SubscriptionView.of(webhooks.subscription(me, id), null);
	}

	@GetMapping("/webhook-subscriptions/{id}/deliveries")
	@Operation(summary = "The delivery log: the latest 50 deliveries, newest first, with status (PENDING or "
			+ "DELIVERED), attempts, the last response code or error, and the next attempt of the one tried next")
	List<Webhooks.Delivery> deliveries(Viewer me, @PathVariable String id) {
		return webhooks.log(me, id);
	}

	@PostMapping("/webhook-subscriptions/{id}/resume")
	@Operation(summary = "Resume a subscription paused because its receiver stayed down (pausedAt set): what it kept is "
			+ "delivered in order, new events are queued for it again. 409 when it is not paused")
	SubscriptionView resume(Viewer me, @PathVariable String id) {
		return SubscriptionView.of(webhooks.resume(me, id), null);
	}

	@DeleteMapping("/webhook-subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a subscription or chat connection with what it had waiting")
	void remove(Viewer me, @PathVariable String id) {
		webhooks.remove(me, id);
	}

	@GetMapping("/teams/{teamId}/chat-connections")
	@Operation(summary = "The team's Slack and Microsoft Teams connections")
	List<SubscriptionView> chat(Viewer me, @PathVariable String teamId) {
		return webhooks.chatOf(me, new TeamId(teamId))
			.stream()
			.map(s -> SubscriptionView.of(s, null))
			.toList();
	}

	@PostMapping("/teams/{teamId}/chat-connections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Connect the team's Slack (SLACK) or Microsoft Teams (TEAMS) incoming webhook; replaces the "
			+ "team's earlier connection to that tool. Posts pre-reads, interventions, published commissions, kudos and "
			+ "badges. 422 at tool and url")
	SubscriptionView connect(Viewer me, @PathVariable String teamId, @RequestBody ChatBody body) {
		return SubscriptionView.of(
				webhooks.connectChat(me, new TeamId(teamId), body.tool(), body.url()), null);
	}
}
