package io.stride.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A crowd signing in at once is checked a bounded number at a time, and every check still answers. */
class BoundedPasswordEncoderTests {

	@Test
	void neverRunsMoreChecksAtOnceThanAllowed() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		PasswordEncoder slow = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return "{x}" + raw;
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				running.decrementAndGet();
				return encoded.equals("{x}" + raw);
			}
		};
		BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2);
		AtomicInteger right = new AtomicInteger();
		List<Thread> crowd = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String password = "secret-" + i;
			Thread t = new Thread(() -> {
				if (bounded.matches(password, "{x}" + password) && !bounded.matches(password, "{x}wrong")) {
					right.incrementAndGet();
				}
			});
			crowd.add(t);
			t.start();
		}
		for (Thread t : crowd) {
			t.join();
		}
		assertThat(most.get()).isEqualTo(2);
		assertThat(right.get()).isEqualTo(12);
	}

	@Test
	void aBoundOfNoneStillChecksOneAtATime() {
		PasswordEncoder plain = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return raw.toString();
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				return raw.toString().equals(encoded);
			}
		};
		// a bound of none (a misconfiguration) must still check passwords, one at a time
		assertThat(new BoundedPasswordEncoder(plain, 0).matches("a", "a")).isTrue();
	}

}
