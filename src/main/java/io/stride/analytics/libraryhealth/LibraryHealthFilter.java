package io.stride.analytics.libraryhealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.stride.analytics.libraryhealth.LibraryHealthReport.Age;
import io.stride.analytics.libraryhealth.LibraryHealthReport.ReviewBy;
import io.stride.analytics.libraryhealth.LibraryHealthReport.State;
import io.stride.analytics.libraryhealth.LibraryHealthReport.Use;
import io.stride.shared.InvalidInputException;

/**
 * Which courses of the library to list: every given criterion must hold. Nulls mean "any"; with none given, no list.
 */
public record LibraryHealthFilter(State state, Age age, ReviewBy reviewBy, Use use) {

	public static final LibraryHealthFilter NONE = new LibraryHealthFilter(null, null, null, null);

	/** From request parameters, case-insensitive; 422 naming the parameter for an unknown value. */
	public static LibraryHealthFilter of(String state, String age, String reviewBy, String use) {
		return new LibraryHealthFilter(value(State.class, "state", state), value(Age.class, "age", age),
				value(ReviewBy.class, "reviewBy", reviewBy), value(Use.class, "use", use));
	}

	public boolean isEmpty() {
		return state == null && age == null && reviewBy == null && use == null;
	}

	/** The filter in words, for a heading: "Published, over a year". */
	public String describe() {
		List<String> parts = new ArrayList<>();
		if (state != null) {
			parts.add(state.label());
		}
		if (age != null) {
			parts.add(age.label().toLowerCase(Locale.ROOT));
		}
		if (reviewBy != null) {
			parts.add("review-by " + reviewBy.label().toLowerCase(Locale.ROOT));
		}
		if (use != null) {
			parts.add(use.label().toLowerCase(Locale.ROOT));
		}
		return String.join(", ", parts);
	}

	boolean matches(LibraryHealthReport.Entry entry) {
		return (state == null || state == entry.state()) && (age == null || age == entry.age())
				&& (reviewBy == null || reviewBy == entry.reviewBy()) && (use == null || use == entry.use());
	}

	private static <E extends Enum<E>> E value(Class<E> type, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			StringBuilder names = new StringBuilder();
			for (E constant : type.getEnumConstants()) {
				names.append(names.isEmpty() ? "" : ", ").append(constant.name());
			}
			throw new InvalidInputException(field, "Use one of " + names + " for " + field + ".");
		}
	}
}
