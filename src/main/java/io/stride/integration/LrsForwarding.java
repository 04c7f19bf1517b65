package io.stride.integration;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.integration.internal.ForwardRows;
import io.stride.integration.internal.OutgoingUrls;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forwarding the learning record to outside LRSs, set up by admins (everyone else gets "not found"): each forwarder
 * names the LRS's xAPI endpoint, its credentials (HTTP Basic) and which statements it takes — every one, Stride's own
 * or those outside tools sent to Stride's LRS, optionally only some verbs. {@link LrsForwardDeliverer} sends them.
 */
@Service
public class LrsForwarding {

	public static final int MAX_FORWARDERS = 20;

	public static final int MAX_NAME = 100;

	public static final int MAX_VERBS = 50;

	/** Which statements a forwarder takes. */
	public enum Which {
		ALL("Every statement"), STRIDE("What Stride records itself"), OUTSIDE("What outside tools send to Stride's LRS");

		private final String label;

		Which(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A forwarder as admins see it: never its secret. */
	public record Forwarder(String id, String name, String endpoint, String username, Which which, List<String> verbs,
			Instant createdAt, Instant pausedAt, int consecutiveFailures, Instant retryAt, String lastError,
			Instant lastErrorAt, long delivered, Instant lastDeliveredAt, long waiting, Instant oldestWaiting) {

		public boolean paused() {
			return pausedAt != null;
		}

		public boolean failing() {
			return consecutiveFailures > 0;
		}
	}

	/** What an admin fills in. */
	public record Settings(String name, String endpoint, String username, String secret, String which, String verbs) {
	}

	private final ForwardRows rows;

	private final OutgoingUrls urls;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LrsForwarding(ForwardRows rows, OutgoingUrls urls, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.urls = urls;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Forwarder> all(Viewer viewer) {
		requireAdmin(viewer);
		return rows.all().stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public Forwarder forwarder(Viewer viewer, String id) {
		requireAdmin(viewer);
		return rows.find(id).map(this::view).orElseThrow(() -> new NotFoundException("Forwarder"));
	}

	/**
	 * Adds a forwarder; from now on it takes the statements stored after it (what was stored before is not sent).
	 * 422 at the field that is wrong.
	 */
	@Transactional
	public Forwarder add(Viewer viewer, Settings settings) {
		requireAdmin(viewer);
		Map<String, String> problems = new LinkedHashMap<>();
		String name = strip(settings.name());
		if (name.isEmpty()) {
			problems.put("name", "Name the LRS (for example the vendor and what it is for).");
		}
		else if (name.length() > MAX_NAME) {
			problems.put("name", "Keep the name within " + MAX_NAME + " characters.");
		}
		String endpoint = strip(settings.endpoint());
		if (!endpoint.isEmpty() && !endpoint.endsWith("/")) {
			endpoint = endpoint + "/";
		}
		String endpointProblem = endpoint.isEmpty() ? "Give the LRS's xAPI endpoint, such as https://lrs.example/xapi/."
				: endpointProblem(endpoint);
		if (endpointProblem != null) {
			problems.put("endpoint", endpointProblem);
		}
		String username = strip(settings.username());
		if (username.isEmpty() || username.length() > 200 || username.contains(":")) {
			problems.put("username", "Give the key (user name) the LRS gave Stride: up to 200 characters, no colon.");
		}
		String secret = settings.secret() == null ? "" : settings.secret();
		if (secret.isEmpty() || secret.length() > 500) {
			problems.put("secret", "Give the secret (password) the LRS gave Stride, up to 500 characters.");
		}
		Which which = which(settings.which());
		if (which == null) {
			problems.put("which", "Choose which statements to forward.");
		}
		List<String> verbs = verbs(settings.verbs(), problems);
		if (problems.isEmpty() && rows.count() >= MAX_FORWARDERS) {
			problems.put("name", "Stride forwards to at most " + MAX_FORWARDERS + " LRSs; remove one first.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("Check the fields marked.", problems);
		}
		String id = Ids.newId();
		rows.insert(new ForwardRows.Row(id, name, endpoint, username, secret, which.name(),
				verbs.isEmpty() ? null : String.join("\n", verbs), viewer.id().value(), clock.instant(), null, 0,
				null, null, null, 0, null));
		events.publishEvent(new LrsForwarderChanged(viewer.id(), id, name, "added (" + endpoint + ")"));
		return view(rows.find(id).orElseThrow());
	}

	/** Stops queueing statements for it; what it kept waits and is sent, in order, when it is resumed. */
	@Transactional
	public void pause(Viewer viewer, String id) {
		ForwardRows.Row row = find(viewer, id);
		if (rows.pause(id, clock.instant())) {
			events.publishEvent(new LrsForwarderChanged(viewer.id(), id, row.name(), "paused"));
		}
	}

	@Transactional
	public void resume(Viewer viewer, String id) {
		ForwardRows.Row row = find(viewer, id);
		if (rows.resume(id)) {
			events.publishEvent(new LrsForwarderChanged(viewer.id(), id, row.name(), "resumed"));
		}
	}

	/** The next try at once instead of at the end of the back-off. */
	@Transactional
	public void retryNow(Viewer viewer, String id) {
		find(viewer, id);
		rows.retryNow(id);
	}

	/** Removes the forwarder with the statements it had waiting (they stay in Stride's record). */
	@Transactional
	public void remove(Viewer viewer, String id) {
		ForwardRows.Row row = find(viewer, id);
		if (rows.delete(id)) {
			events.publishEvent(new LrsForwarderChanged(viewer.id(), id, row.name(), "removed"));
		}
	}

	private ForwardRows.Row find(Viewer viewer, String id) {
		requireAdmin(viewer);
		return rows.find(id).orElseThrow(() -> new NotFoundException("Forwarder"));
	}

	private String endpointProblem(String endpoint) {
		if (endpoint.length() > OutgoingUrls.MAX_LENGTH) {
			return "Keep the address within " + OutgoingUrls.MAX_LENGTH + " characters.";
		}
		try {
			URI uri = URI.create(endpoint);
			if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				return "Give the endpoint without a query, a fragment or credentials (they go in their own fields).";
			}
		}
		catch (IllegalArgumentException e) {
			return "This is not a web address.";
		}
		return urls.problem(endpoint + "statements");
	}

	private static List<String> verbs(String text, Map<String, String> problems) {
		List<String> verbs = text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
			.filter(v -> !v.isEmpty()).distinct().toList();
		if (verbs.size() > MAX_VERBS) {
			problems.put("verbs", "Name at most " + MAX_VERBS + " verbs.");
			return verbs;
		}
		for (String verb : verbs) {
			if (verb.length() > 300 || !verb.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
				problems.put("verbs", "“" + (verb.length() > 60 ? verb.substring(0, 60) + "…" : verb)
						+ "” is not a verb IRI (such as http://adlnet.gov/expapi/verbs/completed).");
				break;
			}
		}
		return verbs;
	}

	private static Which which(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Which.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private Forwarder view(ForwardRows.Row r) {
		return new Forwarder(r.id(), r.name(), r.endpoint(), r.username(), Which.valueOf(r.which()),
				r.verbs() == null ? List.of() : List.of(r.verbs().split("\n")), r.createdAt(), r.pausedAt(),
				r.consecutiveFailures(), r.retryAt(), r.lastError(), r.lastErrorAt(), r.delivered(), r.lastDeliveredAt(),
				rows.countWaiting(r.id()), rows.oldestWaiting(r.id()));
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new NotFoundException("Forwarder");
		}
	}
}
