package io.stride.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move forward. Register it with {@code @Import(MovableClock.Config.class)}; it starts at the real
 * time and moves only when told.
 */
public class MovableClock extends Clock {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	public void advance(Duration by) {
		now.updateAndGet(current -> current.plus(by));
	}

	public void reset() {
		now.set(Instant.now());
	}

	@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@org.springframework.context.annotation.Bean
		@org.springframework.context.annotation.Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}
}
