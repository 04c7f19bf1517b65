package io.stride.practice;

import java.util.Locale;

import io.stride.shared.InvalidInputException;

/**
 * How a right answer felt to the learner, if they say: it makes the next interval shorter (hard) or longer (easy).
 */
public enum Feeling {
	HARD, AS_EXPECTED, EASY;

	/** The feeling named in a request; none given means as expected. */
	public static Feeling of(String value) {
		if (value == null || value.isBlank()) {
			return AS_EXPECTED;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("feeling", "Use HARD, AS_EXPECTED or EASY.");
		}
	}
}
