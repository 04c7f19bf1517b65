package io.stride.analytics.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.activity.Verb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures over many courses at once for the content lifecycle and the library's health: one query per figure,
 * never one per course. Both name the courses and the verbs first, the leading columns of the statements'
 * course-and-verb indexes.
 */
@Repository
public class LifecycleQueries {

	private final JdbcClient jdbc;

	public LifecycleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What learners did with a course since a moment: distinct learners who opened, started (read a lesson or
	 * started the quiz) and completed it, and the quiz attempts passed and failed.
	 */
	public record RecentUse(int opened, int started, int completed, int passed, int failed) {
	}

	/** Courses per query: far below the parameter limits of PostgreSQL (65,535) and H2. */
	static final int CHUNK = 5_000;

	/**
	 * When each course was last opened, by course id; courses nobody ever opened are absent. One query (per
	 * {@value #CHUNK} courses) with one index probe per course: {@code MAX(occurred_at)} for a course and verb is the
	 * last entry of {@code statements_course_verb_time} under that prefix, so the time does not grow with the number of
	 * statements, where a {@code GROUP BY} over the opened statements would read all of them.
	 */
	public Map<String, Instant> lastOpened(Collection<String> courses) {
		Map<String, Instant> last = new HashMap<>();
		List<String> all = List.copyOf(courses);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			List<Object> params = new ArrayList<>();
			params.add(Verb.OPENED.iri());
			params.addAll(chunk);
			jdbc.sql("SELECT c.id, (SELECT MAX(s.occurred_at) FROM statements s WHERE s.course_id = c.id AND s.verb = ?) "
					+ "FROM (VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?)")) + ") AS c (id)")
				.params(params)
				.query((ResultSet rs) -> {
					Timestamp at = rs.getTimestamp(2);
					if (at != null) {
						last.put(rs.getString(1), at.toInstant());
					}
				});
		}
		return last;
	}

	/** Each course's use since {@code since}, by course id; courses with no statements since then are absent. */
	public Map<String, RecentUse> recentUse(Collection<String> courses, Instant since) {
		Map<String, RecentUse> use = new HashMap<>();
		if (courses.isEmpty()) {
			return use;
		}
		jdbc.sql("SELECT course_id, COUNT(DISTINCT CASE WHEN verb = :opened THEN actor_id END), "
				+ "COUNT(DISTINCT CASE WHEN verb IN (:startVerbs) THEN actor_id END), "
				+ "COUNT(DISTINCT CASE WHEN verb = :completed THEN actor_id END), "
				+ "SUM(CASE WHEN verb = :passed THEN 1 ELSE 0 END), SUM(CASE WHEN verb = :failed THEN 1 ELSE 0 END) "
				+ "FROM statements WHERE course_id IN (:courses) AND verb IN (:verbs) AND occurred_at >= :since "
				+ "GROUP BY course_id")
			.param("opened", Verb.OPENED.iri())
			.param("startVerbs", CourseAnalyticsQueries.START_VERBS)
			.param("completed", Verb.COMPLETED.iri())
			.param("passed", Verb.PASSED.iri())
			.param("failed", Verb.FAILED.iri())
			.param("courses", List.copyOf(courses))
			.param("verbs", List.of(Verb.OPENED.iri(), Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri(), Verb.COMPLETED.iri(),
					Verb.PASSED.iri(), Verb.FAILED.iri()))
			.param("since", Timestamp.from(since))
			.query((ResultSet rs) -> {
				use.put(rs.getString(1), new RecentUse(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
			});
		return use;
	}
}
