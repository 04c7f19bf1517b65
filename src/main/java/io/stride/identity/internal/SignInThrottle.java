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

	private final Duration lock;

	private final Clock clock;

	public SignInThrottle(JdbcClient jdbc, @Value("${stride.sign-in.max-failures:5}") int maxFailures,
			@Value("${stride.sign-in.lock-minutes:15}") int lockMinutes) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.lock = Duration.ofMinutes(lockMinutes);
		this.clock = Clock.systemUTC();
	}

	/** How long the address stays locked, if it is locked now. */
	public Optional<Duration> lockedFor(String email) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT locked_until FROM sign_in_failures WHERE email = ?")
			.param(People.normalize(email))
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(until -> until != null && until.toInstant().isAfter(now))
			.map(until -> Duration.between(now, until.toInstant()));
	}

	public void recordFailure(String email) {
		String key = People.normalize(email);
		if (key == null || key.isEmpty()) {
			return;
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
				recordFailure(email);
				return;
			}
		}
		jdbc.sql("UPDATE sign_in_failures SET locked_until = ? WHERE email = ? AND failures >= ?")
			.params(Timestamp.from(now.plus(lock)), key, maxFailures)
			.update();
	}

	public void reset(String email) {
		jdbc.sql("DELETE FROM sign_in_failures WHERE email = ?").param(People.normalize(email)).update();
	}
}
