package io.stride.identity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules, on the database its counts live in. Each test uses addresses of its own (the counts of other
 * tests stay in the table), and throttles of its own with a clock it moves.
 */
@SpringBootTest
class SignInThrottleTests {

	final MovableClock clock = new MovableClock();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/** A /24 of its own for each test, written as "net.N". */
	final String net = "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);

	final String suffix = "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

	SignInThrottle throttle(int freePerAddress) {
		return new SignInThrottle(5, freePerAddress, Duration.ofMinutes(1), Duration.ofMinutes(15), jdbc, transactions,
				clock);
	}

	SignInThrottle throttle;

	@BeforeEach
	void throttleOfTenFreeFailuresPerAddress() {
		throttle = throttle(10);
	}

	@Test
	void waitsDoubleWithEachFailureAndStopAtAMinute() {
		var throttle = throttle(100);
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("someone" + suffix + "@stride.test", net + ".1")).isEmpty();
		}
		long[] expected = { 1, 2, 4, 8, 16, 32, 60, 60 };
		for (long seconds : expected) {
			assertThat(throttle.attempt("someone" + suffix + "@stride.test", net + ".1")).get()
				.extracting(SignInThrottle.Refusal::seconds)
				.isEqualTo(seconds);
			clock.advance(Duration.ofSeconds(seconds));
			assertThat(throttle.attempt("someone" + suffix + "@stride.test", net + ".1")).isEmpty();
		}
	}

	@Test
	void failuresAreForgottenAfterAQuietQuarterOfAnHour() {
		for (int i = 0; i < 5; i++) {
			throttle.attempt("someone" + suffix + "@stride.test", net + ".2");
		}
		assertThat(throttle.attempt("someone" + suffix + "@stride.test", net + ".2")).isPresent();
		clock.advance(Duration.ofMinutes(16));
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("someone" + suffix + "@stride.test", net + ".2")).isEmpty();
		}
	}

	@Test
	void theRightPasswordForgivesTheAddressItsTyposOnThatAccountOnly() {
		for (int i = 0; i < 7; i++) {
			throttle.attempt("guess-" + i + suffix + "@stride.test", net + ".3");
		}
		throttle.attempt("me" + suffix + "@stride.test", net + ".3");
		throttle.attempt("me" + suffix + "@stride.test", net + ".3");
		throttle.attempt("me" + suffix + "@stride.test", net + ".3");
		throttle.succeeded("me" + suffix + "@stride.test", net + ".3");
		// the seven guesses at others still count: three more are free, the fourth waits
		for (int i = 0; i < 2; i++) {
			assertThat(throttle.attempt("other-" + i + suffix + "@stride.test", net + ".3")).isEmpty();
		}
		assertThat(throttle.attempt("other-2" + suffix + "@stride.test", net + ".3")).isEmpty();
		assertThat(throttle.attempt("other" + suffix + "@stride.test", net + ".3")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ADDRESS);
	}

	@Test
	void signingInToAnAccountOfOnesOwnLiftsNoWaitOnTheAccountGuessedAt() {
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("victim" + suffix + "@stride.test", net + ".5")).isEmpty();
		}
		throttle.attempt("attacker" + suffix + "@stride.test", net + ".5");
		throttle.succeeded("attacker" + suffix + "@stride.test", net + ".5");
		assertThat(throttle.attempt("victim" + suffix + "@stride.test", net + ".5")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ACCOUNT);
		// the owner, from an address that never failed on the account, is not kept out
		assertThat(throttle.attempt("victim" + suffix + "@stride.test", net + ".7")).isEmpty();
	}

	@Test
	void ipv6AddressesOfOneNetworkCountAsOneAddress() {
		int v6Last = ThreadLocalRandom.current().nextInt(0x1000, 0xfff0);
		String v6 = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)) + ":"
				+ Integer.toHexString(v6Last);
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.attempt("guess-" + i + suffix + "@stride.test", v6 + "::" + Integer.toHexString(i + 1))).isEmpty();
		}
		assertThat(throttle.attempt("guess" + suffix + "@stride.test", v6 + ":ffff::9")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ADDRESS);
		assertThat(throttle.attempt("guess" + suffix + "@stride.test", v6.substring(0, v6.lastIndexOf(':')) + ":" + Integer.toHexString(v6Last + 1) + "::1")).isEmpty();
		assertThat(SignInThrottle.client("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
	}

	@Test
	void manyPeopleSigningInAtOnceFromOneOfficeAddressNeverFail() throws Exception {
		// a success takes the address's count back to nothing and deletes its row, while other attempts from the same
		// address are between making that row and locking it (a load run saw a NullPointerException so)
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> runs = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String email = "office-" + i + suffix + "@stride.test";
			runs.add(pool.submit(() -> {
				assertThat(throttle.attempt(email, net + ".20")).isEmpty();
				throttle.succeeded(email, net + ".20");
			}));
		}
		try {
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(throttle.attempt("last" + suffix + "@stride.test", net + ".20")).isEmpty();
	}

	@Test
	void twoNodesMeetOneCount() {
		SignInThrottle other = throttle(10);
		for (int i = 0; i < 5; i++) {
			assertThat((i % 2 == 0 ? throttle : other).attempt("target" + suffix + "@stride.test", net + ".4")).isEmpty();
		}
		// the sixth guess waits whichever node it reaches
		assertThat(other.attempt("target" + suffix + "@stride.test", net + ".4")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ACCOUNT);
		assertThat(throttle.attempt("target" + suffix + "@stride.test", net + ".4")).isPresent();
	}

	@Test
	void quietCountsAreDeletedAndAnErasedPersonsCountsGoWithThem() {
		for (int i = 0; i < 5; i++) {
			throttle.attempt("quiet" + suffix + "@stride.test", net + ".8");
			throttle.attempt("erased" + suffix + "@stride.test", net + ".9");
		}
		assertThat(rowsNaming("quiet" + suffix)).isEqualTo(2);
		throttle.forgetAccount("Erased" + suffix + "@stride.test");
		assertThat(rowsNaming("erased" + suffix)).isZero();
		assertThat(throttle.attempt("erased" + suffix + "@stride.test", net + ".10")).isEmpty();
		clock.advance(Duration.ofMinutes(16));
		throttle.forgetQuietCounts();
		assertThat(rowsNaming("quiet" + suffix)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failures WHERE subject IN (?, ?)")
			.params(net + ".8", net + ".9")
			.query(Integer.class)
			.single()).isZero();
	}

	int rowsNaming(String account) {
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_failures WHERE subject LIKE ?")
			.param(account + "%")
			.query(Integer.class)
			.single();
	}
}
