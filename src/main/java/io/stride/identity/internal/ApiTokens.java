package io.stride.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the API: short-lived ones issued at sign-in and personal access tokens made on the
 * profile page. Only a SHA-256 hash is stored; the token itself is shown once.
 */
@Component
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Duration signInTokenLifetime;

	public ApiTokens(JdbcClient jdbc, @Value("${stride.tokens.sign-in-token-hours:12}") int hours) {
		this.jdbc = jdbc;
		this.signInTokenLifetime = Duration.ofHours(hours);
	}

	public record Issued(String id, String token, Instant expiresAt) {
	}

	public record TokenInfo(String id, String name, Instant createdAt, Instant expiresAt, boolean revoked) {

		public boolean expired() {
			return expiresAt != null && expiresAt.isBefore(Instant.now());
		}
	}

	public Issued issueSignInToken(PersonId person) {
		return issue(person, "sign-in", false, Instant.now().plus(signInTokenLifetime));
	}

	public Issued issuePersonalToken(PersonId person, String name, Integer days) {
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidInputException("name", "Give the token a name of at most 100 characters.");
		}
		if (days != null && (days < 1 || days > 366)) {
			throw new InvalidInputException("days", "Choose between 1 and 366 days.");
		}
		return issue(person, trimmed, true, days == null ? null : Instant.now().plus(Duration.ofDays(days)));
	}

	public List<TokenInfo> personalTokens(PersonId person) {
		return jdbc
			.sql("SELECT id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE person_id = ? AND personal = TRUE "
					+ "ORDER BY created_at DESC")
			.param(person.value())
			.query((rs, n) -> new TokenInfo(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) != null))
			.list();
	}

	public void revoke(PersonId person, String tokenId) {
		int updated = jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(Instant.now()), tokenId, person.value())
			.update();
		if (updated == 0) {
			throw new NotFoundException("Token");
		}
	}

	/** Ends every short-lived sign-in token of the person; personal access tokens stay until revoked. */
	public void revokeSignInTokens(PersonId person) {
		jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE person_id = ? AND personal = FALSE AND revoked_at IS NULL")
			.params(Timestamp.from(Instant.now()), person.value())
			.update();
	}

	/** Ends every token of the person, personal ones too (the account was deactivated). */
	public void revokeAll(PersonId person) {
		jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(Instant.now()), person.value())
			.update();
	}

	/** The person a presented token acts for, if the token is known, unrevoked and unexpired. */
	public Optional<PersonId> authenticate(String token) {
		if (token == null || token.length() < 20 || token.length() > 200) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT t.person_id FROM api_tokens t JOIN people p ON p.id = t.person_id WHERE t.token_hash = ? "
					+ "AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND p.active = TRUE")
			.params(hash(token), Timestamp.from(Instant.now()))
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.optional();
	}

	private Issued issue(PersonId person, String name, boolean personal, Instant expiresAt) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "stride_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String id = Ids.newId();
		jdbc.sql("INSERT INTO api_tokens (id, person_id, name, token_hash, personal, created_at, expires_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, person.value(), name, hash(token), personal, Timestamp.from(Instant.now()),
					expiresAt == null ? null : Timestamp.from(expiresAt))
			.update();
		return new Issued(id, token, expiresAt);
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
