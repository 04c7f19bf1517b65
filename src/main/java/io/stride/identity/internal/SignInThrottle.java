package io.stride.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Locks an email address for a while after repeated failed sign-ins. Kept in the database so that every node
 * of a cluster sees the same count; unknown addresses are counted too, so the lock reveals nothing.
 */
@Component
public class SignInThrottle {

	private final JdbcClient jdbc;

	private final int maxFailures;

	private final int maxFailuresPerClient;

	private final Duration lock;

	private final Clock clock;

	public SignInThrottle(JdbcClient jdbc, @Value("${stride.sign-in.max-failures:5}") int maxFailures,
			@Value("${stride.sign-in.lock-minutes:15}") int lockMinutes,
			@Value("${stride.sign-in.max-failures-per-client:50}") int maxFailuresPerClient) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.maxFailuresPerClient = maxFailuresPerClient;
		this.lock = Duration.ofMinutes(lockMinutes);
		this.clock = Clock.systemUTC();
	}

	/** How long the address stays locked, if it is locked now. */
	public Optional<Duration> lockedFor(String email) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT locked_until FROM sign_in_failures WHERE email = ?")
			.param(key(email))
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(until -> until != null && until.toInstant().isAfter(now))
			.map(until -> Duration.between(now, until.toInstant()));
	}

	/**
	 * Counts a sign-in attempt before the password is checked, so that parallel guesses cannot all pass a check
	 * made before any of them was counted. A success resets the count; more than the allowed failures within the
	 * window lock the address.
	 * @return how long the address is locked, or empty when this attempt may go ahead
	 */
	public Optional<Duration> attempt(String email) {
		return attempt(email, maxFailures);
	}

	/** How long a client address stays locked, if it is. */
	public Optional<Duration> clientLockedFor(String address) {
		return address == null || address.isBlank() ? Optional.empty() : lockedFor("client:" + address);
	}

	/**
	 * Counts a failed attempt from one client address (any email): a much higher bar than per address, so that a
	 * shared office network is not locked out, but spraying one password over many addresses is stopped. Only
	 * failures count, so that many people signing in at once behind one address never lock it (and never contend
	 * for one row); guesses at a single address are counted before the check, per address.
	 */
	public void failureFromClient(String address) {
		if (address != null && !address.isBlank()) {
			attempt("client:" + address, maxFailuresPerClient - 1);
		}
	}

	private Optional<Duration> attempt(String email, int allowed) {
		String key = key(email);
		Optional<Duration> locked = lockedFor(key);
		if (locked.isPresent() || key.isEmpty()) {
			return locked;
		}
		Instant now = clock.instant();
		Timestamp windowStart = Timestamp.from(now.minus(lock));
		int updated = jdbc
			.sql("UPDATE sign_in_failures SET failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END, "
					+ "window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END WHERE email = ?")
			.params(windowStart, windowStart, Timestamp.from(now), key)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO sign_in_failures (email, failures, window_start) VALUES (?, 1, ?)")
					.params(key, Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				return attempt(email, allowed);
			}
		}
		jdbc.sql("UPDATE sign_in_failures SET locked_until = ? WHERE email = ? AND failures > ?")
			.params(Timestamp.from(now.plus(lock)), key, allowed)
			.update();
		return lockedFor(key);
	}

	private static String key(String email) {
		String key = People.normalize(email);
		if (key == null) {
			return "";
		}
		// the column holds 254 characters; longer input is no address but must still be counted, not crash
		return key.length() > 254 ? key.substring(0, 254) : key;
	}

	public void reset(String email) {
		jdbc.sql("DELETE FROM sign_in_failures WHERE email = ?").param(key(email)).update();
	}
}
