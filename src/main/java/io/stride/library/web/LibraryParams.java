package io.stride.library.web;

import io.stride.library.ComponentKind;
import io.stride.library.ComponentQuery;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormNumbers;

/** The library's search as the page and the API receive it: text, turned into a query with errors at the field. */
record LibraryParams(String q, String kind, String capability, String author, String team, String minScore,
		String sort, String page) {

	ComponentQuery query() {
		return query(q, kind, capability, author, team, minScore, sort, page, null);
	}

	static ComponentQuery query(String q, String kind, String capability, String author, String team, String minScore,
			String sort, String page, String size) {
		ComponentKind k = null;
		if (kind != null && !kind.isBlank()) {
			k = ComponentKind.parse(kind);
			if (k == null) {
				throw new InvalidInputException("kind", "Choose one of: lesson, module, question, knowledge-check.");
			}
		}
		ComponentQuery.Sort s = ComponentQuery.Sort.parse(sort);
		if (s == null) {
			throw new InvalidInputException("sort", "Choose one of: relevance, most-reused, newest, title.");
		}
		return new ComponentQuery(q, k, blank(capability), blank(author), blank(team),
				number("minReactionScore", minScore, null), s, number("page", page, 1),
				number("size", size, ComponentQuery.PAGE_SIZE));
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Integer number(String field, String text, Integer otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		return FormNumbers.wholeNumber(text).orElseThrow(() -> new InvalidInputException(field, "Give a whole number."));
	}
}
