package io.stride.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing with growing waits instead of locking anyone out; see
 * docs/decisions/0016-sign-in-throttling.md. Failures are counted per client address and per account (email,
 * known or not, so that the answer reveals nothing). Past a few free failures each further attempt must wait
 * 1, 2, 4 … seconds, at most a minute; attempts during the wait are refused without checking the password.
 * An account's wait binds only the addresses that have failed on that account, so an attacker's guesses never keep
 * the owner out from a clean address, and signing in to an account of one's own lifts no wait on another. Held in
 * memory per node, bounded in size.
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

	private static final class Record {

		int failures;

		Instant lastFailure;

		Instant notBefore;
	}

	private final Keys addresses;

	private final Keys accounts;

	/** Failures of one address on one account: whom an account's wait binds, and what a success forgives. */
	private final Keys pairs;

	private final Clock clock;

	@Autowired
	public SignInThrottle(@Value("${stride.sign-in.free-failures-per-account:5}") int freePerAccount,
			@Value("${stride.sign-in.free-failures-per-address:10}") int freePerAddress,
			@Value("${stride.sign-in.max-wait-seconds:60}") int maxWaitSeconds,
			@Value("${stride.sign-in.forget-after-minutes:15}") int forgetAfterMinutes,
			@Value("${stride.sign-in.max-tracked:100000}") int maxTracked, Clock clock) {
		this(freePerAccount, freePerAddress, Duration.ofSeconds(maxWaitSeconds), Duration.ofMinutes(forgetAfterMinutes),
				maxTracked, clock);
	}

	SignInThrottle(int freePerAccount, int freePerAddress, Duration maxWait, Duration forgetAfter, int maxTracked,
			Clock clock) {
		this.accounts = new Keys(freePerAccount, maxWait, forgetAfter, maxTracked);
		this.addresses = new Keys(freePerAddress, maxWait, forgetAfter, maxTracked);
		this.pairs = new Keys(Integer.MAX_VALUE, maxWait, forgetAfter, maxTracked);
		this.clock = clock;
	}

	/**
	 * Counts an attempt before the password is checked, so that parallel guesses cannot all pass a check made
	 * before any of them was counted; {@link #succeeded} takes the count back.
	 * @return why the attempt must not go ahead, or empty when it may
	 */
	public synchronized Optional<Refusal> attempt(String email, String address) {
		Instant now = clock.instant();
		String account = account(email);
		String client = client(address);
		String pair = account + "\n" + client;
		Optional<Duration> addressWait = addresses.wait(client, now);
		if (addressWait.isPresent()) {
			return Optional.of(new Refusal(Reason.ADDRESS, addressWait.get()));
		}
		Optional<Duration> accountWait = accounts.wait(account, now);
		if (accountWait.isPresent() && pairs.hasFailed(pair, now)) {
			return Optional.of(new Refusal(Reason.ACCOUNT, accountWait.get()));
		}
		addresses.fail(client, now);
		accounts.fail(account, now);
		pairs.fail(pair, now);
		return Optional.empty();
	}

	/**
	 * The right password proves the owner: the account's count starts again, and the address is forgiven the
	 * failures it made on this account (typos), not those on other accounts, so that signing in to an account of
	 * one's own between guesses at others gains nothing.
	 */
	public synchronized void succeeded(String email, String address) {
		Instant now = clock.instant();
		String account = account(email);
		String client = client(address);
		accounts.forget(account);
		addresses.takeBack(client, pairs.failures(account + "\n" + client, now), now);
		pairs.forget(account + "\n" + client);
	}

	/** Emails longer than any real one share a key, so that keys cannot be made to fill the memory. */
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

	/** One kind of key with its free failures; least recently used keys go first when the map is full. */
	private static final class Keys {

		private final int free;

		private final Duration maxWait;

		private final Duration forgetAfter;

		private final Map<String, Record> records;

		Keys(int free, Duration maxWait, Duration forgetAfter, int maxTracked) {
			this.free = free;
			this.maxWait = maxWait;
			this.forgetAfter = forgetAfter;
			this.records = new LinkedHashMap<>(1024, 0.75f, true) {

				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
					return size() > maxTracked;
				}
			};
		}

		Optional<Duration> wait(String key, Instant now) {
			Record record = current(key, now);
			return record == null || !record.notBefore.isAfter(now) ? Optional.empty()
					: Optional.of(Duration.between(now, record.notBefore));
		}

		boolean hasFailed(String key, Instant now) {
			return current(key, now) != null;
		}

		void fail(String key, Instant now) {
			Record record = current(key, now);
			if (record == null) {
				record = new Record();
				records.put(key, record);
			}
			record.failures++;
			record.lastFailure = now;
			record.notBefore = now.plus(waitAfter(record.failures));
		}

		void forget(String key) {
			records.remove(key);
		}

		int failures(String key, Instant now) {
			Record record = current(key, now);
			return record == null ? 0 : record.failures;
		}

		void takeBack(String key, int failures, Instant now) {
			Record record = current(key, now);
			if (record == null || failures <= 0) {
				return;
			}
			record.failures -= failures;
			if (record.failures <= 0) {
				records.remove(key);
			}
			else {
				record.notBefore = record.lastFailure.plus(waitAfter(record.failures));
			}
		}

		private Record current(String key, Instant now) {
			Record record = records.get(key);
			if (record != null && record.lastFailure.plus(forgetAfter).isBefore(now)) {
				records.remove(key);
				return null;
			}
			return record;
		}

		private Duration waitAfter(int failures) {
			if (failures < free) {
				return Duration.ZERO;
			}
			int doublings = failures - free;
			// 2^doublings seconds, without overflowing long before the cap applies
			Duration wait = doublings >= 30 ? maxWait : Duration.ofSeconds(1L << doublings);
			return wait.compareTo(maxWait) > 0 ? maxWait : wait;
		}
	}
}
