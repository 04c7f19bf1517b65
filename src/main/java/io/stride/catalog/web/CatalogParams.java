package io.stride.catalog.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.stride.capability.CapabilityId;
import io.stride.catalog.CatalogQuery;
import io.stride.identity.TeamId;
import io.stride.shared.InvalidInputException;

/**
 * The catalogue's query as both the page and the API take it: text parameters, so that "page=abc" is answered with
 * the field and a sentence (422) rather than a bare type error. Empty means no filter, as a GET form sends it.
 */
record CatalogParams(String q, String capability, String team, String length, String minScore, String sort,
		String page, String language) {

	CatalogQuery query() {
		Integer pageNumber = number("page", page, "The page is a number from 1.");
		return new CatalogQuery(blankToNull(q), blankToNull(capability) == null ? null : new CapabilityId(capability),
				blankToNull(team) == null ? null : new TeamId(team), choice(CatalogQuery.Length.class, "length", length),
				number("minScore", minScore, "The minimum reaction score is a whole number from −100 to 100."),
				choice(CatalogQuery.Sort.class, "sort", sort), pageNumber == null ? 1 : pageNumber, blankToNull(language));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static Integer number(String field, String text, String message) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, message);
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			List<String> names = Arrays.stream(type.getEnumConstants())
				.map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toList();
			throw new InvalidInputException(field, "Choose one of: " + String.join(", ", names) + ".");
		}
	}
}
