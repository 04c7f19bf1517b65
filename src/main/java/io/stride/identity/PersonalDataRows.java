package io.stride.identity;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.identity.PersonalData.PersonTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few statements every module's {@link PersonalData} is made of: a person's rows of a table, a column set or
 * emptied, rows deleted, copies of the name and email replaced in text. Table and column names come from the
 * modules' code, never from a request; they are still checked to be plain names.
 */
@Component
public class PersonalDataRows {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	/** Hashes and secrets are the person's data only in name: the export says they exist, not what they are. */
	private static final Set<String> WITHHELD = Set.of("password_hash", "token_hash", "secret_hash", "secret",
			"fetch_hash", "pending_token", "token_key", "private_key");

	private final JdbcClient jdbc;

	PersonalDataRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every row of the tables in which one of the person columns holds the person, each as column to value. */
	public Map<String, List<Map<String, Object>>> export(PersonId person, List<PersonTable> tables) {
		Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
		for (PersonTable table : tables) {
			result.put(table.name(), rows(table, person));
		}
		return result;
	}

	private List<Map<String, Object>> rows(PersonTable table, PersonId person) {
		return jdbc.sql("SELECT * FROM " + name(table.name()) + " WHERE " + table.where() + " ORDER BY 1")
			.param("person", person.value())
			.query((rs, n) -> {
				ResultSetMetaData meta = rs.getMetaData();
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
					Object value = rs.getObject(i);
					row.put(column, value == null ? null : WITHHELD.contains(column) ? "(withheld)" : plain(value));
				}
				return row;
			})
			.list();
	}

	private static Object plain(Object value) {
		try {
			return switch (value) {
				case Timestamp t -> t.toInstant().toString();
				case OffsetDateTime t -> t.toInstant().toString();
				case Date d -> d.toLocalDate().toString();
				case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
				case Blob blob -> Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
				case Clob clob -> clob.getSubString(1, (int) clob.length());
				case String s -> s;
				case Number n -> n;
				case Boolean b -> b;
				default -> value.toString();
			};
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Sets a column of the person's rows (null empties it). */
	public void set(String table, String column, Object value, String personColumn, PersonId person) {
		jdbc.sql("UPDATE " + name(table) + " SET " + name(column) + " = :value WHERE " + name(personColumn) + " = :person")
			.param("value", value)
			.param("person", person.value())
			.update();
	}

	/** Deletes the person's rows. */
	public void delete(String table, String personColumn, PersonId person) {
		jdbc.sql("DELETE FROM " + name(table) + " WHERE " + name(personColumn) + " = ?").param(person.value()).update();
	}

	/**
	 * Any row: for texts Stride wrote with the person's name in them and no id to tie them to the person
	 * (notifications to others, webhook bodies, serialized events). A namesake's name in such a text is replaced too;
	 * ADR 0041 says why that is accepted.
	 */
	public static final String ANY_ROW = "1 = 1";

	/**
	 * Replaces the person's email, its mbox hash and their name in the columns of the rows the condition (with the
	 * parameter {@code :person}) picks.
	 */
	public void scrub(Erasure erasure, String table, String where, String... columns) {
		replace(erasure.replacements(), table, where, erasure.person(), columns);
	}

	/**
	 * Replaces the person's email and its mbox hash in the columns of every row: an email names one person, a name
	 * may name several.
	 */
	public void scrubEmail(Erasure erasure, String table, String... columns) {
		replace(erasure.replacements().stream().filter(r -> !r.from().equals(erasure.name())).toList(), table, ANY_ROW,
				erasure.person(), columns);
	}

	private void replace(List<Erasure.Replacement> replacements, String table, String where, PersonId person,
			String... columns) {
		for (String column : columns) {
			for (Erasure.Replacement r : replacements) {
				if (r.from() == null || r.from().isBlank()) {
					continue;
				}
				var update = jdbc.sql("UPDATE " + name(table) + " SET " + name(column) + " = REPLACE(" + name(column)
						+ ", :from, :to) WHERE " + name(column) + " LIKE :like ESCAPE '!' AND (" + where + ")")
					.param("from", r.from())
					.param("to", r.to())
					.param("like", "%" + r.from().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
				if (where.contains(":person")) {
					update = update.param("person", person.value());
				}
				update.update();
			}
		}
	}

	private static String name(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a plain table or column name: " + name);
		}
		return name;
	}

	/** The column names of the person's rows, in the order the export writes them. */
	public static List<String> columns(List<Map<String, Object>> rows) {
		return rows.isEmpty() ? List.of() : new ArrayList<>(rows.getFirst().keySet());
	}
}
