package io.stride.identity;

import java.util.Arrays;
import java.util.List;

/**
 * What one module holds about a person, for their export and their erasure. Every module with a person column
 * contributes one; identity's {@link PersonalDataRequests} gathers them, so a module that adds such a table adds it
 * here and nowhere else. Erasure runs in one transaction: nothing is half-erased.
 */
public interface PersonalData {

	/** The module's name as the export shows it: the top-level package under {@code io.stride}. */
	default String module() {
		return getClass().getPackageName().replaceFirst("^io\\.stride\\.", "").replaceFirst("\\..*$", "");
	}

	/** The tables this module exports rows of, each with the columns that name a person. */
	List<PersonTable> tables();

	/**
	 * Removes or pseudonymizes the person's personal data in this module's tables. Learning records stay with the
	 * person's id, which after erasure names nobody, so that figures do not change. Without an override every row
	 * is kept as it is: the module holds nothing about the person but their id.
	 */
	default void erase(Erasure erasure) {
	}

	/**
	 * A table and which of its rows are the person's: an SQL condition with the parameter {@code :person}, written in
	 * the module's code (never from a request).
	 */
	record PersonTable(String name, String where) {

		/** The rows in which one of the columns holds the person's id. */
		public static PersonTable of(String name, String... personColumns) {
			return new PersonTable(name, String.join(" OR ",
					Arrays.stream(personColumns).map(column -> column + " = :person").toList()));
		}

		/** The rows the condition picks, such as the goals of the person's cycles. */
		public static PersonTable where(String name, String condition) {
			return new PersonTable(name, condition);
		}
	}
}
