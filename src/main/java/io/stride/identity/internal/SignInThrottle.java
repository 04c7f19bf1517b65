package io.stride.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;


import io.stride.shared.Retry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing with growing waits instead of locking anyone out; see
 * docs/decisions/0016-sign-in-throttling.md. Failures are counted per client address and per account (email,
 * known or not, so that the answer reveals nothing). Past a few free failures each further attempt must wait
 * 1, 2, 4 … seconds, at most a minute; attempts during the wait are refused without checking the password.
 * An account's wait binds only the addresses that have failed on that account, so an attacker's guesses never keep
 * the owner out from a clean address, and signing in to an account of one's own lifts no wait on another.
 *
 * <p>The counts are rows of {@code sign_in_failures}, shared by every node (ADR 0044): behind a load balancer that
 * sends each attempt to another node, a guesser meets one count, not one per node. An attempt reads and writes its
 * three rows (the address's, the account's and the address's on that account) in one transaction holding their
 * row locks, always in that order, so that parallel attempts on any nodes are counted one after the other.
 */
@Component
public class SignInThrottle {

	/** Why an attempt was refused and how long to wait. */
	public record Refusal(Reason reason, Duration remaining) {

		public long seconds() {
			return Math.max(1, (remaining.toMillis() + 999) / 1000);
		}

		public String message() {
			return (reason == Reason.ADDRESS ? "Too many failed sign-ins from your network address."
					: "Too many failed sign-ins for this account.") + " Try again in " + seconds() + " second"
					+ (seconds() == 1 ? "" : "s") + ".";
		}
	}

	public enum Reason {
		ADDRESS, ACCOUNT
	}

	/** The three counts an attempt touches, in the order their rows are locked. */
	private enum Kind {
		ADDRESS("A"), ACCOUNT("C"), PAIR("P");

		final String code;

		Kind(String code) {
			this.code = code;
		}
	}

	/** One key's count as read under its row lock; {@code failures == 0} when it has none (or has expired). */
	private static final class Count {

		final Kind kind;

		final String subject;

		int failures;

		Instant lastFailure;

		Instant notBefore;

		Count(Kind kind, String subject) {
			this.kind = kind;
			this.subject = subject;
		}
	}

	private final int freePerAccount;

	private final int freePerAddress;

	private final Duration maxWait;

	private final Duration forgetAfter;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@Autowired
	public SignInThrottle(@Value("${stride.sign-in.free-failures-per-account:5}") int freePerAccount,
			@Value("${stride.sign-in.free-failures-per-address:10}") int freePerAddress,
			@Value("${stride.sign-in.max-wait-seconds:60}") int maxWaitSeconds,
			@Value("${stride.sign-in.forget-after-minutes:15}") int forgetAfterMinutes, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		this(freePerAccount, freePerAddress, Duration.ofSeconds(maxWaitSeconds), Duration.ofMinutes(forgetAfterMinutes),
				jdbc, transactionManager, clock);
	}

	SignInThrottle(int freePerAccount, int freePerAddress, Duration maxWait, Duration forgetAfter, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.freePerAccount = freePerAccount;
		this.freePerAddress = freePerAddress;
		this.maxWait = maxWait;
		this.forgetAfter = forgetAfter;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		// a count stays counted when the caller's own transaction rolls back (a refused password change does)
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Counts an attempt before the password is checked, so that parallel guesses cannot all pass a check made
	 * before any of them was counted; {@link #succeeded} takes the count back.
	 * @return why the attempt must not go ahead, or empty when it may
	 */
	public Optional<Refusal> attempt(String email, String address) {
		String account = account(email);
		String client = client(address);
		return inTransaction(() -> {
			Instant now = now();
			Count byAddress = lock(Kind.ADDRESS, client, now, true);
			Count byAccount = lock(Kind.ACCOUNT, account, now, true);
			Count byPair = lock(Kind.PAIR, account + "\n" + client, now, true);
			Optional<Duration> addressWait = waitOf(byAddress, now);
			if (addressWait.isPresent()) {
				return Optional.of(new Refusal(Reason.ADDRESS, addressWait.get()));
			}
			Optional<Duration> accountWait = waitOf(byAccount, now);
			if (accountWait.isPresent() && byPair.failures > 0) {
				return Optional.of(new Refusal(Reason.ACCOUNT, accountWait.get()));
			}
			fail(byAddress, freePerAddress, now);
			fail(byAccount, freePerAccount, now);
			fail(byPair, Integer.MAX_VALUE, now);
			return Optional.empty();
		});
	}

	/**
	 * The right password proves the owner: the account's count starts again, and the address is forgiven the
	 * failures it made on this account (typos), not those on other accounts, so that signing in to an account of
	 * one's own between guesses at others gains nothing.
	 */
	public void succeeded(String email, String address) {
		String account = account(email);
		String client = client(address);
		inTransaction(() -> {
			Instant now = now();
			Count byAddress = lock(Kind.ADDRESS, client, now, false);
			lock(Kind.ACCOUNT, account, now, false);
			Count byPair = lock(Kind.PAIR, account + "\n" + client, now, false);
			forget(Kind.ACCOUNT, account);
			if (byAddress != null && byAddress.failures > 0 && byPair != null && byPair.failures > 0) {
				// the row stays (at zero) rather than being deleted: many people sign in from one office address at
				// once, and a row deleted under their attempts would only have to be made again; the job deletes it
				byAddress.failures = Math.max(0, byAddress.failures - byPair.failures);
				byAddress.notBefore = byAddress.failures == 0 ? byAddress.lastFailure
						: byAddress.lastFailure.plus(waitAfter(byAddress.failures, freePerAddress));
				save(byAddress);
			}
			forget(Kind.PAIR, account + "\n" + client);
			return null;
		});
	}

	/** Forgets the counts a quarter of an hour (forget-after) quiet; on one node at a time. */
	@Scheduled(cron = "${stride.sign-in.cleanup-cron:0 */5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "identity-sign-in-failures", lockAtMostFor = "PT4M", lockAtLeastFor = "PT30S")
	public void forgetQuietCounts() {
		jdbc.sql("DELETE FROM sign_in_failures WHERE last_failure < ?")
			.param(Timestamp.from(clock.instant().minus(forgetAfter)))
			.update();
	}

	/** Forgets every count that names this email (the account's and its addresses' on it), when a person is erased. */
	void forgetAccount(String email) {
		String account = account(email);
		jdbc.sql("DELETE FROM sign_in_failures WHERE (kind = 'C' AND subject = ?) OR (kind = 'P' AND subject LIKE ?)")
			.params(account, account.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\n%")
			.update();
	}

	/**
	 * Two first attempts on one key insert its row at once: the loser runs again and finds the winner's row. Many
	 * people signing in from one address at once can lose a few times in a row.
	 */
	private <T> T inTransaction(Supplier<T> work) {
		return Retry.onDuplicateKey(5, () -> transactions.execute(status -> work.get()));
	}

	/**
	 * Reads a key's count holding its row lock; with {@code create}, a key without a row gets one (no failures yet)
	 * so that there is a row to lock. Without it, returns null when there is no row.
	 */
	private Count lock(Kind kind, String subject, Instant now, boolean create) {
		if (!create) {
			return selectForUpdate(kind, subject, now);
		}
		// a success elsewhere may delete the row between the insert and the lock (an address whose count it took back
		// to nothing): the row is then made again, in a fresh statement that sees the delete
		for (int tries = 0; tries < 5; tries++) {
			insertIfAbsent(kind, subject, now);
			Count count = selectForUpdate(kind, subject, now);
			if (count != null) {
				return count;
			}
		}
		throw new IllegalStateException("The sign-in count of a key kept disappearing while being locked");
	}

	private void insertIfAbsent(Kind kind, String subject, Instant now) {
		jdbc.sql("""
				INSERT INTO sign_in_failures (kind, subject, failures, last_failure, not_before)
				SELECT ?, ?, 0, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sign_in_failures WHERE kind = ? AND subject = ?)""")
			.params(kind.code, subject, Timestamp.from(now), Timestamp.from(now), kind.code, subject)
			.update();
	}

	private Count selectForUpdate(Kind kind, String subject, Instant now) {
		return jdbc.sql("SELECT failures, last_failure, not_before FROM sign_in_failures WHERE kind = ? AND subject = ? "
				+ "FOR UPDATE")
			.params(kind.code, subject)
			.query((rs, n) -> {
				Count count = new Count(kind, subject);
				count.failures = rs.getInt(1);
				count.lastFailure = rs.getTimestamp(2).toInstant();
				count.notBefore = rs.getTimestamp(3).toInstant();
				if (count.lastFailure.plus(forgetAfter).isBefore(now)) {
					// quiet for longer than forget-after: it starts again
					count.failures = 0;
					count.notBefore = now;
				}
				return count;
			})
			.optional()
			.orElse(null);
	}

	/** To the microsecond, as the database keeps it: a wait of zero read back must not become a few nanoseconds. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Optional<Duration> waitOf(Count count, Instant now) {
		return count.failures == 0 || !count.notBefore.isAfter(now) ? Optional.empty()
				: Optional.of(Duration.between(now, count.notBefore));
	}

	private void fail(Count count, int free, Instant now) {
		count.failures++;
		count.lastFailure = now;
		count.notBefore = now.plus(waitAfter(count.failures, free));
		save(count);
	}

	private void save(Count count) {
		jdbc.sql("UPDATE sign_in_failures SET failures = ?, last_failure = ?, not_before = ? WHERE kind = ? AND subject = ?")
			.params(count.failures, Timestamp.from(count.lastFailure), Timestamp.from(count.notBefore), count.kind.code,
					count.subject)
			.update();
	}

	private void forget(Kind kind, String subject) {
		jdbc.sql("DELETE FROM sign_in_failures WHERE kind = ? AND subject = ?").params(kind.code, subject).update();
	}

	private Duration waitAfter(int failures, int free) {
		if (failures < free) {
			return Duration.ZERO;
		}
		int doublings = failures - free;
		// 2^doublings seconds, without overflowing long before the cap applies
		Duration wait = doublings >= 30 ? maxWait : Duration.ofSeconds(1L << doublings);
		return wait.compareTo(maxWait) > 0 ? maxWait : wait;
	}

	/** Emails longer than any real one share a key, so that keys stay within the column. */
	private static String account(String email) {
		String key = People.normalize(email);
		return key == null ? "" : key.length() > 254 ? "(too long)" : key;
	}

	/**
	 * The key of a client address. An IPv6 host is usually given a whole /64 to pick addresses from, so IPv6
	 * addresses count by their /64: one machine cannot be a fresh address for every guess.
	 */
	static String client(String address) {
		if (address == null || address.isBlank()) {
			return "";
		}
		if (address.length() > 64) {
			return "(too long)";
		}
		if (address.indexOf(':') >= 0) {
			try {
				// a literal with a colon is never looked up
				byte[] bytes = InetAddress.getByName(address).getAddress();
				if (bytes.length == 16) {
					StringBuilder prefix = new StringBuilder();
					for (int i = 0; i < 8; i += 2) {
						prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
					}
					return prefix + ":/64";
				}
			}
			catch (UnknownHostException notAnAddress) {
				// counted as given
			}
		}
		return address;
	}

}
