package io.stride.shared.web;

import java.util.Optional;

/**
 * Numbers as people type them into forms: surrounding spaces ignored, a comma taken as the decimal separator. Empty
 * for a blank field or anything that is not such a number; each form decides what that means (its own message, a
 * default, or "leave it as it was").
 */
public final class FormNumbers {

	private FormNumbers() {
	}

	/** A whole number such as {@code 12}, {@code -3} or {@code +5}; empty for null, blank or anything else. */
	public static Optional<Integer> wholeNumber(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Integer.parseInt(text.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** A decimal number such as {@code 12.5} or {@code 12,5}; empty for null, blank or anything else. */
	public static Optional<Double> decimal(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Double.parseDouble(text.strip().replace(',', '.')));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
