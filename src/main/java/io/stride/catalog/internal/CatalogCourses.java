package io.stride.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.catalog.CatalogChoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue's read of published courses. It reads other modules' tables in one statement (the live version from
 * authoring, learners from delivery, reactions from feedback, rules from capability) because searching and sorting
 * across them one module call at a time would read every course for every search; it never writes.
 */
@Repository
public class CatalogCourses {

	private final JdbcClient jdbc;

	public CatalogCourses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A live course that matched: what sorting and the cheap filters need, without its content. {@code words} counts
	 * the spaces of the stored version (lessons, description and quiz), close enough to its words for an estimate.
	 */
	public record Match(String id, String title, String authorId, Instant publishedAt, int words, int learners,
			int helpful, int unclear, int outdated, boolean inTitle) {
	}

	/** Live courses (published, not retired) whose version matches every word, and the capability and team given. */
	public List<Match> matches(List<String> words, String capabilityId, String teamId) {
		StringBuilder sql = new StringBuilder("SELECT c.id, v.title, c.author_id, v.published_at, "
				+ "LENGTH(v.content) - LENGTH(REPLACE(v.content, ' ', '')) AS words, "
				+ "(SELECT COUNT(*) FROM progress p WHERE p.course_id = c.id) AS learners, "
				+ "(SELECT COUNT(*) FROM lesson_reactions r WHERE r.course_id = c.id AND r.kind = 'HELPFUL') AS helpful, "
				+ "(SELECT COUNT(*) FROM lesson_reactions r WHERE r.course_id = c.id AND r.kind = 'UNCLEAR') AS unclear, "
				+ "(SELECT COUNT(*) FROM lesson_reactions r WHERE r.course_id = c.id AND r.kind = 'OUTDATED') AS outdated, ");
		Map<String, Object> params = new HashMap<>();
		if (words.isEmpty()) {
			sql.append("0 AS in_title ");
		}
		else {
			sql.append("CASE WHEN ");
			for (int i = 0; i < words.size(); i++) {
				sql.append(i == 0 ? "" : " AND ").append("LOWER(v.title) LIKE :w").append(i).append(" ESCAPE '\\'");
				params.put("w" + i, "%" + escape(words.get(i)) + "%");
			}
			sql.append(" THEN 1 ELSE 0 END AS in_title ");
		}
		// the live version, not the working copy: a course with a new version in review shows what learners get
		sql.append("FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.live_version "
				+ "WHERE c.status <> 'RETIRED'");
		for (int i = 0; i < words.size(); i++) {
			String w = ":w" + i + " ESCAPE '\\'";
			sql.append(" AND (LOWER(v.title) LIKE ").append(w).append(" OR LOWER(v.content) LIKE ").append(w)
				.append(" OR EXISTS (SELECT 1 FROM capability_rules cr JOIN capabilities k ON k.id = cr.capability_id "
						+ "WHERE cr.course_id = c.id AND k.status = 'ACTIVE' AND LOWER(k.name) LIKE ")
				.append(w).append("))");
		}
		if (capabilityId != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM capability_rules cr WHERE cr.course_id = c.id "
					+ "AND cr.capability_id = :capability)");
			params.put("capability", capabilityId);
		}
		if (teamId != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM team_members m WHERE m.person_id = c.author_id AND m.team_id = :team)");
			params.put("team", teamId);
		}
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Match(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
					rs.getInt(10) == 1))
			.list();
	}

	/** Each author's name. */
	public Map<String, String> authorNames(Collection<String> authorIds) {
		Map<String, String> names = new HashMap<>();
		if (!authorIds.isEmpty()) {
			jdbc.sql("SELECT id, name FROM people WHERE id IN (:ids)")
				.param("ids", authorIds)
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		}
		return names;
	}

	/** Each author's teams by name. */
	public Map<String, List<String>> authorTeams(Collection<String> authorIds) {
		Map<String, List<String>> teams = new HashMap<>();
		if (!authorIds.isEmpty()) {
			jdbc.sql("SELECT m.person_id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
					+ "WHERE m.person_id IN (:ids) ORDER BY t.name")
				.param("ids", authorIds)
				.query(rs -> {
					teams.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		}
		return teams;
	}

	/** The active capabilities whose evidence rules name each course, by name. */
	public Map<String, List<String>> capabilities(Collection<String> courseIds) {
		Map<String, List<String>> names = new HashMap<>();
		if (!courseIds.isEmpty()) {
			jdbc.sql("SELECT DISTINCT cr.course_id, k.name FROM capability_rules cr JOIN capabilities k "
					+ "ON k.id = cr.capability_id WHERE k.status = 'ACTIVE' AND cr.course_id IN (:ids) ORDER BY k.name")
				.param("ids", courseIds)
				.query(rs -> {
					names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		}
		return names;
	}

	/** Active capabilities that name at least one live course: the capability filter's options. */
	public List<CatalogChoice> capabilityChoices() {
		return jdbc.sql("SELECT k.id, k.name FROM capabilities k WHERE k.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM "
				+ "capability_rules cr JOIN courses c ON c.id = cr.course_id WHERE cr.capability_id = k.id "
				+ "AND c.live_version IS NOT NULL AND c.status <> 'RETIRED') ORDER BY k.name")
			.query((rs, n) -> new CatalogChoice(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** Teams with an author of a live course: the team filter's options. */
	public List<CatalogChoice> teamChoices() {
		return jdbc.sql("SELECT t.id, t.name FROM teams t WHERE EXISTS (SELECT 1 FROM team_members m JOIN courses c "
				+ "ON c.author_id = m.person_id WHERE m.team_id = t.id AND c.live_version IS NOT NULL "
				+ "AND c.status <> 'RETIRED') ORDER BY t.name")
			.query((rs, n) -> new CatalogChoice(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The word as LIKE takes it literally, lower-cased like the columns it is compared with. */
	static String escape(String word) {
		return word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
