package io.stride.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searching a table by the words people type, one way for every module that keeps such a table (the catalogue, the
 * component library). The table has {@code search_text} (its text in lower case), {@code title_lower} and, on
 * PostgreSQL, {@code search_vector}: the text's GIN-indexed {@code to_tsvector('simple', ...)}. On PostgreSQL a word
 * is looked up in the vector, each of its letter-and-digit parts as the start of a word ("e-mail" finds "e-mail",
 * "email" finds "emails"); a word with no letters or digits, and every word on H2 (trials, tests), is looked up with
 * LIKE in the lower-case text, where it matches anywhere.
 */
@Component
public class TextSearch {

	/** Letters and digits: the parts of a word the search vector holds (PostgreSQL's parser splits at the rest). */
	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;

	private final boolean postgres;

	TextSearch(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			return false;
		}
	}

	/** Whether the database is PostgreSQL (search vectors, advisory locks) rather than H2. */
	public boolean postgres() {
		return postgres;
	}

	/**
	 * The conditions that the text holds every one of these words, for a WHERE clause, with their parameters added to
	 * {@code params} ({@code words}, {@code w0}, {@code w1}...). On PostgreSQL the words go into one query of the
	 * vector, which comes first: its index intersects a rare word with a common one itself, where one condition per
	 * word let the planner read every row's vector for the common one.
	 */
	public List<String> holdingAll(List<String> words, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		List<String> together = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			List<String> tokens = tokens(word);
			if (postgres && !tokens.isEmpty()) {
				tokens.forEach(t -> together.add(t + ":*"));
			}
			else {
				conditions.add("search_text LIKE :w" + i + " ESCAPE '\\'");
				params.put("w" + i, containing(word));
			}
		}
		if (!together.isEmpty()) {
			conditions.add(0, "search_vector @@ to_tsquery('simple', :words)");
			params.put("words", String.join(" & ", together));
		}
		return conditions;
	}

	/** The condition that the text holds this one word, under the parameter {@code name}. */
	public String holding(String word, String name, Map<String, Object> params) {
		List<String> tokens = tokens(word);
		if (postgres && !tokens.isEmpty()) {
			params.put(name, String.join(" & ", tokens.stream().map(t -> t + ":*").toList()));
			return "search_vector @@ to_tsquery('simple', :" + name + ")";
		}
		params.put(name, containing(word));
		return "search_text LIKE :" + name + " ESCAPE '\\'";
	}

	/**
	 * 1 for a row whose title holds every word (anywhere in {@code title_lower}), else 0, to sort such rows first;
	 * {@code 0} without words. Parameters {@code t0}, {@code t1}...
	 */
	public static String titleHoldingAll(List<String> words, Map<String, Object> params) {
		if (words.isEmpty()) {
			return "0";
		}
		List<String> all = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			all.add("title_lower LIKE :t" + i + " ESCAPE '\\'");
			params.put("t" + i, containing(words.get(i)));
		}
		return "CASE WHEN " + String.join(" AND ", all) + " THEN 1 ELSE 0 END";
	}

	/**
	 * On PostgreSQL, for the rest of the transaction ({@code on}), finds words through the vector's index even when
	 * most rows hold them, or plans as usual again. The planner reads every row instead then, and testing a row's
	 * vector means reading it whole from its TOAST table: 420 ms to count "colleague" in 17,827 of 20,340 courses,
	 * against 95 ms from the index (the index's matches are exact, so the vectors are not read). Searches without
	 * words are left as they are.
	 */
	public void findWordsThroughTheIndex(List<?> words, boolean on) {
		if (postgres && !words.isEmpty()) {
			jdbc.sql(on ? "SET LOCAL enable_seqscan = off" : "SET LOCAL enable_seqscan = on").update();
		}
	}

	/** The letter-and-digit parts of a lower-cased word. */
	public static List<String> tokens(String word) {
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(word.toLowerCase(Locale.ROOT));
		while (m.find()) {
			tokens.add(m.group());
		}
		return tokens;
	}

	/** A LIKE pattern (with {@code ESCAPE '\'}) for the word anywhere, lower-cased like the columns it is compared with. */
	public static String containing(String word) {
		return "%" + escape(word) + "%";
	}

	/** The word as LIKE takes it literally, lower-cased. */
	public static String escape(String word) {
		return word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
