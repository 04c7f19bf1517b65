package io.stride.scim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.stride.identity.OrganizationAdministration;
import io.stride.identity.Viewer;
import io.stride.scim.ScimTokenChanged;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bearer tokens identity providers present on {@code /scim/v2}. Admins make and revoke them; only a SHA-256 hash
 * is kept and the token is shown once. They open nothing but SCIM, and API tokens and sessions never open SCIM.
 */
@Service
@Transactional
public class ScimTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A busy provider sends thousands of requests an hour: last use is written at most once a minute per token. */
	private static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final OrganizationAdministration administration;

	private final ApplicationEventPublisher events;

	ScimTokens(JdbcClient jdbc, OrganizationAdministration administration, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.administration = administration;
		this.events = events;
	}

	public record Issued(String id, String name, String token) {
	}

	public record Token(String id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

		public boolean revoked() {
			return revokedAt != null;
		}
	}

	public Issued create(Viewer viewer, String name) {
		administration.requireAdmin(viewer);
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("name", "Give the token a name, such as the identity provider that uses it.");
		}
		if (trimmed.length() > 100) {
			throw new InvalidInputException("name", "Use at most 100 characters.");
		}
		if (ControlCharacters.in(trimmed)) {
			throw new InvalidInputException("name", "Use letters, digits and punctuation only.");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String id = Ids.newId();
		jdbc.sql("INSERT INTO scim_tokens (id, name, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, trimmed, hash(token), viewer.id().value(), Timestamp.from(Instant.now()))
			.update();
		events.publishEvent(new ScimTokenChanged(viewer.id(), id, trimmed, "CREATED"));
		return new Issued(id, trimmed, token);
	}

	@Transactional(readOnly = true)
	public List<Token> all(Viewer viewer) {
		administration.requireAdmin(viewer);
		return jdbc.sql("SELECT id, name, created_at, last_used_at, revoked_at FROM scim_tokens "
				+ "ORDER BY revoked_at DESC, created_at DESC, id")
			.query((rs, n) -> new Token(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
			.list()
			.stream()
			// the tokens in use first, newest first; revoked ones after them
			.sorted(Comparator.comparing(Token::revoked).thenComparing(Token::createdAt, Comparator.reverseOrder()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Token token(Viewer viewer, String id) {
		return all(viewer).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new NotFoundException("Token"));
	}

	public void revoke(Viewer viewer, String id) {
		administration.requireAdmin(viewer);
		Token token = token(viewer, id);
		int updated = jdbc.sql("UPDATE scim_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(Instant.now()), id)
			.update();
		if (updated == 0) {
			throw new NotFoundException("Token");
		}
		events.publishEvent(new ScimTokenChanged(viewer.id(), id, token.name(), "REVOKED"));
	}

	/** The client a presented token stands for, if it is known and not revoked; notes when it was last used. */
	public Optional<ScimClient> authenticate(String token) {
		if (token == null || token.length() < 20 || token.length() > 200) {
			return Optional.empty();
		}
		Optional<ScimClient> client = jdbc.sql("SELECT id, name FROM scim_tokens WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash(token))
			.query((rs, n) -> new ScimClient(rs.getString(1), rs.getString(2)))
			.optional();
		client.ifPresent(c -> {
			Instant now = Instant.now();
			jdbc.sql("UPDATE scim_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
				.params(Timestamp.from(now), c.id(), Timestamp.from(now.minus(LAST_USED_GRAIN)))
				.update();
		});
		return client;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
