package io.stride.library.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stride.feedback.ReactionScore;
import io.stride.shared.SqlArrays;
import io.stride.shared.TextSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The library's own table of components (library_components), kept from authoring's publications; searches read it
 * alone. Words are looked up as {@link TextSearch} does, as in the catalogue: on PostgreSQL in the GIN-indexed
 * search vector (a word matches words that start with it), on H2 with LIKE in the same lower-case text.
 */
@Repository
public class Components {

	private static final String COLUMNS = "id, kind, title, excerpt, source_course_id, source_course_title, "
			+ "source_version, module_name, position, author_id, published_at, helpful, unclear, outdated, reuse_count";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TextSearch search;

	Components(JdbcClient jdbc, JdbcTemplate template, TextSearch search) {
		this.jdbc = jdbc;
		this.template = template;
		this.search = search;
	}

	/** A component as the table keeps it. */
	public record Row(String id, String kind, String title, String excerpt, String sourceCourseId,
			String sourceCourseTitle, int sourceVersion, String moduleName, int position, String authorId,
			Instant publishedAt, int helpful, int unclear, int outdated, int reuseCount) {
	}

	/** What a component is written with; {@code searchText} in lower case. */
	public record Entry(String id, String kind, String title, String excerpt, String searchText, String sourceCourseId,
			String sourceCourseTitle, int sourceVersion, String moduleName, int position, String authorId,
			Instant publishedAt, int helpful, int unclear, int outdated, Integer score, int reuseCount) {
	}

	/** What a search keeps; null parts do not filter, an empty collection matches nothing. */
	public record Filter(List<String> words, Collection<String> kinds, Collection<String> courses, Collection<String> authors,
			Integer minScore) {
	}

	public enum Order {
		RELEVANCE, MOST_REUSED, NEWEST, TITLE
	}

	/** Replaces the components of these source courses with these (none: the courses leave the library). */
	public void replace(Collection<String> courseIds, List<Entry> entries) {
		if (!courseIds.isEmpty()) {
			jdbc.sql("DELETE FROM library_components WHERE source_course_id = ANY(:ids)")
				.param("ids", SqlArrays.varchars(List.copyOf(courseIds)))
				.update();
		}
		if (entries.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			rows.add(new Object[] { e.id(), e.kind(), e.title(), e.title().toLowerCase(Locale.ROOT), e.excerpt(),
					e.searchText(), e.sourceCourseId(), e.sourceCourseTitle(), e.sourceVersion(), e.moduleName(),
					e.position(), e.authorId(), Timestamp.from(e.publishedAt()), e.helpful(), e.unclear(), e.outdated(),
					e.score(), e.reuseCount() });
		}
		template.batchUpdate("INSERT INTO library_components (id, kind, title, title_lower, excerpt, search_text, "
				+ "source_course_id, source_course_title, source_version, module_name, position, author_id, published_at, "
				+ "helpful, unclear, outdated, score, reuse_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	/** The version each indexed source course shows. */
	public Map<String, Integer> versions() {
		Map<String, Integer> versions = new HashMap<>();
		jdbc.sql("SELECT source_course_id, MAX(source_version) FROM library_components GROUP BY source_course_id")
			.query(rs -> {
				versions.put(rs.getString(1), rs.getInt(2));
			});
		return versions;
	}

	/** Every component's id, kind, source course and reuse count, for recounting. */
	public List<Row> ofCourses(Collection<String> courseIds) {
		if (courseIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM library_components WHERE source_course_id = ANY(:ids) "
				+ "ORDER BY source_course_id, position")
			.param("ids", SqlArrays.varchars(List.copyOf(courseIds)))
			.query(Components::row)
			.list();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM library_components WHERE id = ?")
			.param(id)
			.query(Components::row)
			.optional();
	}

	public void setReuseCounts(Map<String, Integer> counts) {
		if (counts.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		counts.forEach((id, n) -> rows.add(new Object[] { n, id }));
		template.batchUpdate("UPDATE library_components SET reuse_count = ? WHERE id = ?", rows);
	}

	/** Reaction counts by component id. */
	public void setReactions(Map<String, int[]> counts) {
		if (counts.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		counts.forEach((id, c) -> rows.add(new Object[] { c[0], c[1], c[2], score(c[0], c[1], c[2]), id }));
		template.batchUpdate("UPDATE library_components SET helpful = ?, unclear = ?, outdated = ?, score = ? WHERE id = ?",
				rows);
	}

	/** The score as feedback shows it: from 5 reactions on, otherwise none. */
	public static Integer score(int helpful, int unclear, int outdated) {
		var score = new ReactionScore(helpful, unclear, outdated);
		return score.total() < ReactionScore.MIN_FOR_SCORE ? null : score.score();
	}

	/** On PostgreSQL, holds the library's catch-up lock until the transaction ends (two instances starting at once). */
	public void lockForCatchUp() {
		if (search.postgres()) {
			jdbc.sql("SELECT pg_advisory_xact_lock(7301460292)").query((rs, n) -> 1).list();
		}
	}

	public int count(Filter filter) {
		search.findWordsThroughTheIndex(filter.words(), true);
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		return jdbc.sql("SELECT COUNT(*) FROM library_components" + where).params(params).query(Integer.class).single();
	}

	public List<Row> page(Filter filter, Order order, int offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		String inTitle = TextSearch.titleHoldingAll(filter.words(), params);
		String orderBy = switch (order) {
			case RELEVANCE -> "in_title DESC, reuse_count DESC, title_lower, id";
			case MOST_REUSED -> "reuse_count DESC, title_lower, id";
			case NEWEST -> "published_at DESC, title_lower, id";
			case TITLE -> "title_lower, id";
		};
		params.put("limit", limit);
		params.put("offset", offset);
		boolean selective = !filter.words().isEmpty() || filter.courses() != null || filter.authors() != null;
		String from = selective ? " FROM (SELECT " + COLUMNS + ", title_lower FROM library_components" + where
				+ " OFFSET 0) c" : " FROM library_components" + where;
		search.findWordsThroughTheIndex(filter.words(), true);
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + ", " + inTitle + " AS in_title" + from + " ORDER BY " + orderBy
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(Components::row)
			.list();
		search.findWordsThroughTheIndex(filter.words(), false);
		return rows;
	}

	private String where(Filter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>(search.holdingAll(filter.words(), params));
		if (filter.kinds() != null) {
			conditions.add("kind = ANY(:kinds)");
			params.put("kinds", SqlArrays.varchars(List.copyOf(filter.kinds())));
		}
		if (filter.courses() != null) {
			conditions.add("source_course_id = ANY(:courses)");
			params.put("courses", SqlArrays.varchars(List.copyOf(filter.courses())));
		}
		if (filter.authors() != null) {
			conditions.add("author_id = ANY(:authors)");
			params.put("authors", SqlArrays.varchars(List.copyOf(filter.authors())));
		}
		if (filter.minScore() != null) {
			conditions.add("score >= :minScore");
			params.put("minScore", filter.minScore());
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/** The authors of indexed components. */
	public List<String> authors() {
		return jdbc.sql("SELECT DISTINCT author_id FROM library_components").query(String.class).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getString(10),
				rs.getTimestamp(11).toInstant(), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15));
	}
}
