package io.stride.analytics.web;

import java.util.Locale;

/**
 * Numbers typed into the admin settings forms of analytics (item analysis thresholds, content lifecycle). A value
 * that is not a number reads as null, so that the service names the field in its error.
 */
final class SettingsForm {

	private SettingsForm() {
	}

	/** A number as typed, accepting a decimal comma. */
	static Double number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A whole number as typed. */
	static Integer whole(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A fraction as the form shows it: two decimals, a point whatever the locale. */
	static String plain(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}
}
