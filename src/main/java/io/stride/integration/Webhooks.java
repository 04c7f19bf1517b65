package io.stride.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.integration.internal.DeliveryRows;
import io.stride.integration.internal.OutgoingUrls;
import io.stride.integration.internal.Signatures;
import io.stride.integration.internal.SubscriptionRows;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing webhooks and teams' chat connections, set up by admins (everyone else gets "not found"). A webhook
 * subscription receives the event types it names as signed JSON (docs/webhooks.md); a chat connection posts the chat
 * events of its team to a Slack or Microsoft Teams incoming webhook. {@link WebhookDeliverer} sends them.
 */
@Service
public class Webhooks {

	public static final int MAX_DESCRIPTION = 200;

	/** Subscriptions and connections in all, so that every delivery run stays bounded. */
	public static final int MAX_SUBSCRIPTIONS = 500;

	/** Deliveries shown in a subscription's log. */
	public static final int LOG_SIZE = 50;

	/** Where a subscription posts. */
	public enum Kind {
		WEBHOOK("Webhook"), SLACK("Slack"), TEAMS("Microsoft Teams");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A subscription as admins see it: the URL masked, never the secret. */
	public record Subscription(String id, Kind kind, TeamId team, String maskedUrl, List<String> eventTypes,
			String description, int consecutiveFailures, Instant retryAt, int pending, Instant createdAt,
			Instant pausedAt, String pausedReason) {

		public boolean paused() {
			return pausedAt != null;
		}
	}

	/** A new webhook subscription with its signing secret, shown this once. */
	public record NewSubscription(Subscription subscription, String secret) {
	}

	/** One event's delivery to one subscription: PENDING (waiting or being retried) or DELIVERED. */
	public record Delivery(long seq, String eventId, String eventType, Instant occurredAt, String status,
			int attempts, Instant lastAttemptAt, Integer responseCode, String lastError, Instant deliveredAt,
			Instant nextAttemptAt) {
	}

	private final SubscriptionRows subscriptions;

	private final DeliveryRows deliveries;

	private final OutgoingUrls urls;

	private final Organization organization;

	private final Clock clock;

	Webhooks(SubscriptionRows subscriptions, DeliveryRows deliveries, OutgoingUrls urls, Organization organization,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.urls = urls;
		this.organization = organization;
		this.clock = clock;
	}

	/**
	 * Subscribes {@code url} to the event types; 422 at {@code url} (not https, not public, unknown host),
	 * {@code eventTypes} (none, or unknown) and {@code description}.
	 */
	@Transactional
	public NewSubscription subscribe(Viewer viewer, String url, List<String> eventTypes, String description) {
		requireAdmin(viewer);
		Map<String, String> problems = new LinkedHashMap<>();
		String urlProblem = urls.problem(url);
		if (urlProblem != null) {
			problems.put("url", urlProblem);
		}
		List<String> types = new ArrayList<>(new LinkedHashSet<>(eventTypes == null ? List.of() : eventTypes));
		if (types.isEmpty()) {
			problems.put("eventTypes", "Choose at least one event type.");
		}
		else {
			types.stream().filter(t -> WebhookEvent.byType(t).isEmpty()).findFirst()
				.ifPresent(t -> problems.put("eventTypes", "Unknown event type “" + cut(t) + "”; the types are listed "
						+ "at GET /api/v1/webhook-event-types."));
		}
		String text = description == null ? "" : description.strip();
		if (text.length() > MAX_DESCRIPTION) {
			problems.put("description", "Keep the description within " + MAX_DESCRIPTION + " characters.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("Check the highlighted fields.", problems);
		}
		requireRoom();
		String id = Ids.newId();
		String secret = Signatures.newSecret("whsec_");
		subscriptions.insert(id, Kind.WEBHOOK.name(), null, url.strip(), secret, types, text, viewer.id().value(),
				clock.instant());
		return new NewSubscription(subscription(viewer, id), secret);
	}

	/**
	 * Connects the team's Slack or Microsoft Teams channel (an incoming webhook URL); it replaces the team's earlier
	 * connection to the same tool. 422 at {@code tool} and {@code url}; 404 for an unknown team.
	 */
	@Transactional
	public Subscription connectChat(Viewer viewer, TeamId team, String tool, String url) {
		requireAdmin(viewer);
		organization.managedTeam(viewer, team);
		Kind kind = null;
		Map<String, String> problems = new LinkedHashMap<>();
		if ("SLACK".equals(tool) || "TEAMS".equals(tool)) {
			kind = Kind.valueOf(tool);
		}
		else {
			problems.put("tool", "Choose Slack (SLACK) or Microsoft Teams (TEAMS).");
		}
		String urlProblem = urls.problem(url);
		if (urlProblem != null) {
			problems.put("url", urlProblem);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("Check the highlighted fields.", problems);
		}
		for (SubscriptionRows.Row old : subscriptions.ofTeam(team.value())) {
			if (old.kind().equals(kind.name())) {
				subscriptions.delete(old.id());
			}
		}
		requireRoom();
		String id = Ids.newId();
		List<String> types = Arrays.stream(WebhookEvent.values()).filter(WebhookEvent::chat)
			.map(WebhookEvent::type).toList();
		subscriptions.insert(id, kind.name(), team.value(), url.strip(), null, types, kind.label(), viewer.id().value(),
				clock.instant());
		return subscription(viewer, id);
	}

	/** Every subscription and chat connection, newest first. */
	@Transactional(readOnly = true)
	public List<Subscription> all(Viewer viewer) {
		requireAdmin(viewer);
		return views(subscriptions.all(MAX_SUBSCRIPTIONS));
	}

	/** The team's chat connections. */
	@Transactional(readOnly = true)
	public List<Subscription> chatOf(Viewer viewer, TeamId team) {
		requireAdmin(viewer);
		organization.managedTeam(viewer, team);
		return views(subscriptions.ofTeam(team.value()));
	}

	@Transactional(readOnly = true)
	public Subscription subscription(Viewer viewer, String id) {
		requireAdmin(viewer);
		return views(List.of(row(id))).getFirst();
	}

	/** The subscription's latest deliveries, newest first: status, attempts, response code, next attempt. */
	@Transactional(readOnly = true)
	public List<Delivery> log(Viewer viewer, String id) {
		requireAdmin(viewer);
		SubscriptionRows.Row s = row(id);
		List<DeliveryRows.Row> rows = deliveries.latest(id, LOG_SIZE);
		// only the oldest waiting one is tried next (none while paused); those behind it wait for it
		long head = rows.stream().filter(r -> r.status().equals("PENDING")).mapToLong(DeliveryRows.Row::seq).min()
			.orElse(-1);
		return rows.stream()
			.map(r -> new Delivery(r.seq(), r.eventId(), r.eventType(), r.occurredAt(), r.status(), r.attempts(),
					r.lastAttemptAt(), r.responseCode(), r.lastError(), r.deliveredAt(),
					r.seq() == head && s.pausedAt() == null ? (s.retryAt() == null ? clock.instant() : s.retryAt()) : null))
			.toList();
	}

	/**
	 * Resumes a paused subscription or connection: what it kept is delivered in order from now, and new events are
	 * queued for it again (those that happened while it was paused are not). 409 when it is not paused.
	 */
	@Transactional
	public Subscription resume(Viewer viewer, String id) {
		requireAdmin(viewer);
		row(id);
		if (!subscriptions.resume(id)) {
			throw new ConflictException("This subscription is not paused.");
		}
		return subscription(viewer, id);
	}

	/** Removes the subscription or connection and what it had waiting. */
	@Transactional
	public void remove(Viewer viewer, String id) {
		requireAdmin(viewer);
		row(id);
		subscriptions.delete(id);
	}

	private SubscriptionRows.Row row(String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Webhook subscription");
		}
		return subscriptions.find(id).orElseThrow(() -> new NotFoundException("Webhook subscription"));
	}

	private List<Subscription> views(List<SubscriptionRows.Row> rows) {
		Map<String, Integer> pending = subscriptions.pending(rows.stream().map(SubscriptionRows.Row::id).toList());
		return rows.stream()
			.map(r -> new Subscription(r.id(), Kind.valueOf(r.kind()), r.teamId() == null ? null : new TeamId(r.teamId()),
					OutgoingUrls.masked(r.url()), r.eventTypes(), r.description(), r.consecutiveFailures(), r.retryAt(),
					pending.getOrDefault(r.id(), 0), r.createdAt(), r.pausedAt(), r.pausedReason()))
			.toList();
	}

	private void requireRoom() {
		if (subscriptions.all(MAX_SUBSCRIPTIONS).size() >= MAX_SUBSCRIPTIONS) {
			throw new InvalidInputException("url", "There are already " + MAX_SUBSCRIPTIONS
					+ " webhooks and chat connections; remove one first.");
		}
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new NotFoundException("Webhook subscription");
		}
	}

	private static String cut(String text) {
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}
}
