package io.stride.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.feedback.ReactionScore;
import io.stride.shared.SqlArrays;
import io.stride.shared.TextSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue's own table of live courses (catalog_entries), kept from other modules' events; searches read it
 * alone. Words are looked up as {@link TextSearch} does: on PostgreSQL in the GIN-indexed search vector (a word
 * matches words that start with it); on H2 (trials, tests) with LIKE in the same lower-case text (a word matches
 * anywhere).
 */
@Repository
public class CatalogEntries {

	private static final String COLUMNS = "course_id, title, description, lessons, words, author_id, published_at, "
			+ "learners, helpful, unclear, outdated, score";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TextSearch search;

	CatalogEntries(JdbcClient jdbc, JdbcTemplate template, TextSearch search) {
		this.jdbc = jdbc;
		this.template = template;
		this.search = search;
	}

	/** What the catalogue keeps of a live version. */
	public record Entry(String courseId, int version, String title, String description, int lessons, int words,
			String searchText, String authorId, Instant publishedAt, String language) {
	}

	/** Learners and each learner's current reactions, summed over the course's lessons. */
	public record Counts(int learners, int helpful, int unclear, int outdated) {

		public static final Counts NONE = new Counts(0, 0, 0, 0);
	}

	/** A row as a page of results shows it; {@code inTitle} tells whether the title holds every word. */
	public record Row(String id, String title, String description, int lessons, int words, String authorId,
			Instant publishedAt, int learners, int helpful, int unclear, int outdated, boolean inTitle) {
	}

	/** A word to find: in the text, or (when {@code orCourses} is not empty) one of these courses. */
	public record Term(String word, Collection<String> orCourses) {
	}

	/**
	 * What a search keeps; null parts do not filter. {@code courses} and {@code authors} limit to these ids (an empty
	 * set matches nothing); words are counted as {@link Entry#words()}.
	 */
	public record Filter(List<Term> terms, Collection<String> courses, Collection<String> authors, Integer minWords,
			Integer maxWords, Integer minScore, String language) {
	}

	public enum Order {
		TITLE_MATCHES_THEN_USE, USE, NEWEST
	}

	/** The version each entry shows, by course. */
	public Map<String, Integer> versions() {
		Map<String, Integer> versions = new HashMap<>();
		jdbc.sql("SELECT course_id, version FROM catalog_entries").query(rs -> {
			versions.put(rs.getString(1), rs.getInt(2));
		});
		return versions;
	}

	/** The counts of every entry, by course. */
	public Map<String, Counts> counts() {
		Map<String, Counts> counts = new HashMap<>();
		jdbc.sql("SELECT course_id, learners, helpful, unclear, outdated FROM catalog_entries").query(rs -> {
			counts.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
		});
		return counts;
	}

	private static final String UPDATE = "UPDATE catalog_entries SET version = ?, title = ?, title_lower = ?, "
			+ "description = ?, lessons = ?, words = ?, search_text = ?, author_id = ?, published_at = ?, language = ? "
			+ "WHERE course_id = ?";

	private static final String INSERT = "INSERT INTO catalog_entries (course_id, version, title, title_lower, "
			+ "description, lessons, words, search_text, author_id, published_at, learners, helpful, unclear, outdated, "
			+ "score, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Writes the entry's content, keeping its counts; answers false when there was no entry to write over. */
	public boolean update(Entry e) {
		return template.update(UPDATE, updateRow(e)) > 0;
	}

	/** Writes the content of entries that exist, keeping their counts. */
	public void updateAll(List<Entry> updated) {
		if (!updated.isEmpty()) {
			template.batchUpdate(UPDATE, updated.stream().map(CatalogEntries::updateRow).toList());
		}
	}

	private static Object[] updateRow(Entry e) {
		return new Object[] { e.version(), e.title(), e.title().toLowerCase(Locale.ROOT), e.description(), e.lessons(),
				e.words(), e.searchText(), e.authorId(), Timestamp.from(e.publishedAt()), e.language(), e.courseId() };
	}

	/** New entries with their counts (none given: nothing counted yet). */
	public void insertAll(List<Entry> fresh, Map<String, Counts> counts) {
		if (fresh.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(fresh.size());
		for (Entry e : fresh) {
			Counts c = counts.getOrDefault(e.courseId(), Counts.NONE);
			rows.add(new Object[] { e.courseId(), e.version(), e.title(), e.title().toLowerCase(Locale.ROOT),
					e.description(), e.lessons(), e.words(), e.searchText(), e.authorId(),
					Timestamp.from(e.publishedAt()), c.learners(), c.helpful(), c.unclear(), c.outdated(),
					score(c.helpful(), c.unclear(), c.outdated()), e.language() });
		}
		template.batchUpdate(INSERT, rows);
	}

	public void delete(Collection<String> courseIds) {
		if (!courseIds.isEmpty()) {
			jdbc.sql("DELETE FROM catalog_entries WHERE course_id = ANY(:ids)")
				.param("ids", SqlArrays.varchars(List.copyOf(courseIds)))
				.update();
		}
	}

	/** Replaces the counts of these entries (a course without an entry: nothing happens). */
	public void setCounts(Map<String, Counts> counts) {
		if (counts.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(counts.size());
		counts.forEach((id, c) -> rows.add(new Object[] { c.learners(), c.helpful(), c.unclear(), c.outdated(),
				score(c.helpful(), c.unclear(), c.outdated()), id }));
		template.batchUpdate("UPDATE catalog_entries SET learners = ?, helpful = ?, unclear = ?, outdated = ?, score = ? "
				+ "WHERE course_id = ?", rows);
	}

	public void addLearner(String courseId) {
		jdbc.sql("UPDATE catalog_entries SET learners = learners + 1 WHERE course_id = ?").param(courseId).update();
	}

	/** The score as feedback shows it: (helpful − unclear − outdated) / reactions × 100 from 5 reactions on. */
	static Integer score(int helpful, int unclear, int outdated) {
		var score = new ReactionScore(helpful, unclear, outdated);
		return score.total() < ReactionScore.MIN_FOR_SCORE ? null : score.score();
	}

	/** How many entries the filter keeps. */
	public int count(Filter filter) {
		search.findWordsThroughTheIndex(filter.terms(), true);
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		return jdbc.sql("SELECT COUNT(*) FROM catalog_entries" + where).params(params).query(Integer.class).single();
	}

	/** The entries the filter keeps, in this order, from {@code offset}. */
	public List<Row> page(Filter filter, Order order, int offset, int limit) {
		search.findWordsThroughTheIndex(filter.terms(), true);
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		List<Term> terms = filter.terms();
		String inTitle = TextSearch.titleHoldingAll(terms.stream().map(Term::word).toList(), params);
		String orderBy = switch (order) {
			case TITLE_MATCHES_THEN_USE -> "in_title DESC, learners DESC, title_lower, course_id";
			case USE -> "learners DESC, title_lower, course_id";
			case NEWEST -> "published_at DESC, title_lower, course_id";
		};
		params.put("limit", limit);
		params.put("offset", offset);
		// words, a capability or a team keep few courses: find them first (OFFSET 0 keeps PostgreSQL from walking an
		// index in the order asked and testing every course on the way), then sort those
		boolean selective = !terms.isEmpty() || filter.courses() != null || filter.authors() != null;
		String from = selective ? " FROM (SELECT " + COLUMNS + ", title_lower FROM catalog_entries" + where + " OFFSET 0) e"
				: " FROM catalog_entries" + where;
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + ", " + inTitle + " AS in_title" + from + " ORDER BY " + orderBy
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getInt(8), rs.getInt(9), rs.getInt(10),
					rs.getInt(11), rs.getInt(13) == 1))
			.list();
		// what the search goes on to read (authors, capabilities) is planned as usual again
		search.findWordsThroughTheIndex(filter.terms(), false);
		return rows;
	}

	/**
	 * On PostgreSQL, holds the catalogue's catch-up lock until the transaction ends, so that two instances starting
	 * together do not both insert the same courses.
	 */
	public void lockForCatchUp() {
		if (search.postgres()) {
			jdbc.sql("SELECT pg_advisory_xact_lock(7301460291)").query((rs, n) -> 1).list();
		}
	}

	private String where(Filter filter, Map<String, Object> params) {
		// the words that may only be found in the text, all in one query of the vector on PostgreSQL (see TextSearch)
		List<String> conditions = new ArrayList<>(search.holdingAll(filter.terms()
			.stream()
			.filter(term -> term.orCourses().isEmpty())
			.map(Term::word)
			.toList(), params));
		// a word that a course may also match otherwise (a capability's name: the courses counting for it)
		for (int i = 0; i < filter.terms().size(); i++) {
			Term term = filter.terms().get(i);
			if (!term.orCourses().isEmpty()) {
				conditions.add("(" + search.holding(term.word(), "q" + i, params) + " OR course_id = ANY(:c" + i + "))");
				params.put("c" + i, SqlArrays.varchars(List.copyOf(term.orCourses())));
			}
		}
		if (filter.courses() != null) {
			conditions.add("course_id = ANY(:courses)");
			params.put("courses", SqlArrays.varchars(List.copyOf(filter.courses())));
		}
		if (filter.authors() != null) {
			conditions.add("author_id = ANY(:authors)");
			params.put("authors", SqlArrays.varchars(List.copyOf(filter.authors())));
		}
		if (filter.minWords() != null) {
			conditions.add("words >= :minWords");
			params.put("minWords", filter.minWords());
		}
		if (filter.maxWords() != null) {
			conditions.add("words <= :maxWords");
			params.put("maxWords", filter.maxWords());
		}
		if (filter.minScore() != null) {
			conditions.add("score >= :minScore");
			params.put("minScore", filter.minScore());
		}
		if (filter.language() != null) {
			conditions.add("language = :language");
			params.put("language", filter.language());
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/**
	 * Up to {@code limit} courses other than {@code except} whose text holds most of these words (each whole, as the
	 * search vector holds it), closest first: ranked by PostgreSQL's ts_rank, on H2 by how many of the words each holds.
	 */
	public List<String> sharingWords(String except, List<String> words, int limit) {
		List<String> tokens = words.stream().flatMap(w -> TextSearch.tokens(w).stream()).distinct().toList();
		if (tokens.isEmpty() || limit <= 0) {
			return List.of();
		}
		if (search.postgres()) {
			String query = String.join(" | ", tokens);
			return jdbc.sql("SELECT course_id FROM catalog_entries WHERE search_vector @@ to_tsquery('simple', :q) "
					+ "AND course_id <> :except ORDER BY ts_rank(search_vector, to_tsquery('simple', :q)) DESC, "
					+ "published_at DESC, course_id LIMIT :limit")
				.param("q", query)
				.param("except", except)
				.param("limit", limit)
				.query(String.class)
				.list();
		}
		Map<String, Object> params = new HashMap<>();
		List<String> held = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			held.add("CASE WHEN search_text LIKE :w" + i + " ESCAPE '\\' THEN 1 ELSE 0 END");
			params.put("w" + i, TextSearch.containing(tokens.get(i)));
		}
		params.put("except", except);
		params.put("limit", limit);
		return jdbc.sql("SELECT course_id FROM (SELECT course_id, published_at, " + String.join(" + ", held) + " AS held "
				+ "FROM catalog_entries WHERE course_id <> :except) e WHERE held > 0 "
				+ "ORDER BY held DESC, published_at DESC, course_id LIMIT :limit")
			.params(params)
			.query(String.class)
			.list();
	}

	/** Which of these courses have an entry. */
	public Set<String> present(Collection<String> courseIds) {
		if (courseIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT course_id FROM catalog_entries WHERE course_id = ANY(:ids)")
			.param("ids", SqlArrays.varchars(List.copyOf(courseIds)))
			.query(String.class)
			.list());
	}

	/** The languages of live courses, by how many courses are in each (most first). */
	public List<String> languages() {
		return jdbc.sql("SELECT language FROM catalog_entries WHERE language IS NOT NULL GROUP BY language "
				+ "ORDER BY COUNT(*) DESC, language")
			.query(String.class)
			.list();
	}

	/** Entries that have no language yet (written before the catalogue kept one). */
	public Set<String> withoutLanguage() {
		return new HashSet<>(jdbc.sql("SELECT course_id FROM catalog_entries WHERE language IS NULL")
			.query(String.class)
			.list());
	}

	/** The authors of live courses. */
	public List<String> authors() {
		return jdbc.sql("SELECT DISTINCT author_id FROM catalog_entries").query(String.class).list();
	}
}
