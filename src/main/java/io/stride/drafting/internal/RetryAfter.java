package io.stride.drafting.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An HTTP Retry-After header read as a wait, for the clients of language and transcription services: seconds or an
 * HTTP date. A date in the past is no wait; a date is at whole seconds, so the wait is rounded up ("in 20 seconds" is
 * not cut short); a number too long to be seconds is longer than any cap; an unreadable value is a short pause.
 */
public final class RetryAfter {

	private static final Duration LONGER_THAN_ANY_CAP = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

	private RetryAfter() {
	}

	public static Duration of(String header) {
		String value = header.strip();
		if (value.matches("\\d{1,12}")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		if (value.matches("\\d+")) {
			return LONGER_THAN_ANY_CAP;
		}
		try {
			Duration wait = Duration.between(Instant.now(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return wait.isNegative() ? Duration.ZERO
					: Duration.ofSeconds(wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
		}
		catch (DateTimeParseException notDate) {
			return Duration.ofSeconds(1);
		}
	}
}
