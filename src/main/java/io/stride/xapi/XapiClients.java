package io.stride.xapi;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.xapi.internal.ClientSecrets;
import io.stride.xapi.internal.Clients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LRS's clients: admins create them (the secret is shown once) and revoke them; everyone else gets "not found".
 * A request to {@code /xapi} is checked against the database every time, so a revoked key is refused at once on every
 * node; the secret is random, so one SHA-256 checks it (a slow password hash would guard nothing here and would cost
 * most of a core at the ingest rate).
 */
@Service
public class XapiClients {

	public static final int MAX_NAME = 100;

	/** A client as admins see it: never the secret. Serializable: a new one is shown once through the session. */
	public record Client(String id, String name, String key, Set<Scope> scopes, String createdBy, Instant createdAt,
			Instant revokedAt) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private static final DateTimeFormatter MINUTES = DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

		public boolean revoked() {
			return revokedAt != null;
		}

		/** When it was created, to the minute in UTC, as the admin page shows it. */
		public String createdText() {
			return MINUTES.format(createdAt);
		}

		public String revokedText() {
			return revokedAt == null ? null : MINUTES.format(revokedAt);
		}

		public String scopeNames() {
			return String.join(", ", scopes.stream().map(Scope::value).toList());
		}
	}

	/**
	 * A new client with its secret, which is not kept and so can't be shown again. It reaches the page after the
	 * redirect as a flash attribute, in the session, which is serialized into the database.
	 */
	public record NewClient(Client client, String secret) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	private final Clients clients;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	// looked up when used: the sessions' module writes its own LMS statements through this module
	private final ObjectProvider<XapiSessions> sessions;

	XapiClients(Clients clients, Clock clock, ApplicationEventPublisher events, ObjectProvider<XapiSessions> sessions) {
		this.clients = clients;
		this.clock = clock;
		this.events = events;
		this.sessions = sessions;
	}

	@Transactional
	public NewClient create(Viewer viewer, String name, List<String> scopeNames) {
		requireAdmin(viewer);
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("name", "Name the tool that will use this key.");
		}
		if (trimmed.length() > MAX_NAME) {
			throw new InvalidInputException("name", "The name may have at most " + MAX_NAME + " characters.");
		}
		if (ControlCharacters.in(trimmed)) {
			throw new InvalidInputException("name", "The name may not contain control characters.");
		}
		Set<Scope> scopes = scopes(scopeNames);
		ClientSecrets.Issued issued = ClientSecrets.issue();
		Clients.Row row = clients.insert(trimmed, issued.key(), issued.secretHash(), scopes, viewer.id().value(),
				clock.instant());
		events.publishEvent(new XapiClientCreated(viewer.id(), row.id(), trimmed, String.join(" ",
				scopes.stream().map(Scope::value).toList())));
		return new NewClient(view(row), issued.secret());
	}

	@Transactional(readOnly = true)
	public List<Client> all(Viewer viewer) {
		requireAdmin(viewer);
		return clients.all().stream().map(XapiClients::view).toList();
	}

	@Transactional
	public void revoke(Viewer viewer, String id) {
		requireAdmin(viewer);
		Clients.Row row = clients.find(id).filter(r -> r.revokedAt() == null)
			.orElseThrow(() -> new NotFoundException("xAPI client"));
		if (clients.revoke(id, clock.instant())) {
			events.publishEvent(new XapiClientRevoked(viewer.id(), id, row.name()));
		}
	}

	/** The client whose key and secret these are, if it exists and is not revoked. */
	@Transactional(readOnly = true)
	public Optional<XapiClient> authenticate(String key, String secret) {
		if (key == null || secret == null || key.length() > 100 || secret.length() > 200) {
			return Optional.empty();
		}
		Optional<XapiClient> client = clients.activeByKey(key)
			.filter(row -> ClientSecrets.matches(secret, row.secretHash()))
			.map(row -> new XapiClient(row.id(), row.name(), row.scopes()));
		for (XapiSessions session : sessions.orderedStream().toList()) {
			if (client.isPresent()) {
				break;
			}
			client = session.authenticate(key, secret);
		}
		return client;
	}

	private static Set<Scope> scopes(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new InvalidInputException("scopes", "Choose at least one scope.");
		}
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		Set<String> unknown = new LinkedHashSet<>();
		for (String name : names) {
			Scope.of(name).ifPresentOrElse(scopes::add, () -> unknown.add(String.valueOf(name)));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("scopes", "Unknown scope " + String.join(", ", unknown)
					+ "; the scopes are statements/write, statements/read, statements/read/mine, state, define, "
					+ "profile, all/read and all.");
		}
		return scopes;
	}

	private static Client view(Clients.Row row) {
		return new Client(row.id(), row.name(), row.key(), row.scopes(), row.createdBy(), row.createdAt(),
				row.revokedAt());
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new NotFoundException("xAPI client");
		}
	}
}
