package io.stride.identity.internal;

import java.time.Duration;

import io.stride.support.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	final MovableClock clock = new MovableClock();

	final SignInThrottle throttle = new SignInThrottle(5, 10, Duration.ofMinutes(1), Duration.ofMinutes(15), 1000, clock);

	@Test
	void waitsDoubleWithEachFailureAndStopAtAMinute() {
		var throttle = new SignInThrottle(5, 100, Duration.ofMinutes(1), Duration.ofMinutes(15), 1000, clock);
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("someone@stride.test", "198.51.100.1")).isEmpty();
		}
		long[] expected = { 1, 2, 4, 8, 16, 32, 60, 60 };
		for (long seconds : expected) {
			assertThat(throttle.attempt("someone@stride.test", "198.51.100.1")).get()
				.extracting(SignInThrottle.Refusal::seconds)
				.isEqualTo(seconds);
			clock.advance(Duration.ofSeconds(seconds));
			assertThat(throttle.attempt("someone@stride.test", "198.51.100.1")).isEmpty();
		}
	}

	@Test
	void failuresAreForgottenAfterAQuietQuarterOfAnHour() {
		for (int i = 0; i < 5; i++) {
			throttle.attempt("someone@stride.test", "198.51.100.2");
		}
		assertThat(throttle.attempt("someone@stride.test", "198.51.100.2")).isPresent();
		clock.advance(Duration.ofMinutes(16));
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("someone@stride.test", "198.51.100.2")).isEmpty();
		}
	}

	@Test
	void theRightPasswordForgivesTheAddressItsTyposOnThatAccountOnly() {
		for (int i = 0; i < 7; i++) {
			throttle.attempt("guess-" + i + "@stride.test", "198.51.100.3");
		}
		throttle.attempt("me@stride.test", "198.51.100.3");
		throttle.attempt("me@stride.test", "198.51.100.3");
		throttle.attempt("me@stride.test", "198.51.100.3");
		throttle.succeeded("me@stride.test", "198.51.100.3");
		// the seven guesses at others still count: three more are free, the fourth waits
		for (int i = 0; i < 2; i++) {
			assertThat(throttle.attempt("other-" + i + "@stride.test", "198.51.100.3")).isEmpty();
		}
		assertThat(throttle.attempt("other-2@stride.test", "198.51.100.3")).isEmpty();
		assertThat(throttle.attempt("other@stride.test", "198.51.100.3")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ADDRESS);
	}

	@Test
	void signingInToAnAccountOfOnesOwnLiftsNoWaitOnTheAccountGuessedAt() {
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("victim@stride.test", "198.51.100.5")).isEmpty();
		}
		throttle.attempt("attacker@stride.test", "198.51.100.5");
		throttle.succeeded("attacker@stride.test", "198.51.100.5");
		assertThat(throttle.attempt("victim@stride.test", "198.51.100.5")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ACCOUNT);
		// the owner, from an address that never failed on the account, is not kept out
		assertThat(throttle.attempt("victim@stride.test", "192.0.2.7")).isEmpty();
	}

	@Test
	void ipv6AddressesOfOneNetworkCountAsOneAddress() {
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.attempt("guess-" + i + "@stride.test", "2001:db8:1:2::" + Integer.toHexString(i + 1))).isEmpty();
		}
		assertThat(throttle.attempt("guess@stride.test", "2001:db8:1:2:ffff::9")).get()
			.extracting(SignInThrottle.Refusal::reason)
			.isEqualTo(SignInThrottle.Reason.ADDRESS);
		assertThat(throttle.attempt("guess@stride.test", "2001:db8:1:3::1")).isEmpty();
		assertThat(SignInThrottle.client("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
	}

	@Test
	void memoryStaysBoundedByForgettingTheLeastRecentlySeen() {
		for (int i = 0; i < 5; i++) {
			throttle.attempt("target@stride.test", "198.51.100.4");
		}
		for (int i = 0; i < 1000; i++) {
			throttle.attempt("spray-" + i + "@stride.test", "203.0.113." + (i % 200));
		}
		// the oldest account and address were pushed out; nothing grew past the cap
		assertThat(throttle.attempt("target@stride.test", "198.51.100.4")).isEmpty();
	}
}
