package io.stride.rhythm.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.stride.shared.InvalidInputException;

/** Reading the API's and forms' text values, with 422 at the field for what does not parse. */
final class ApiValues {

	private ApiValues() {
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static LocalDate date(String text, String field) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "Give the date as YYYY-MM-DD, for example 2027-03-31.");
		}
	}

	static BigDecimal number(String text, String field) {
		if (blank(text)) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "Give a number, for example 1200 or 12.5.");
		}
	}

	static String id(String text) {
		return blank(text) ? null : text.strip();
	}
}
