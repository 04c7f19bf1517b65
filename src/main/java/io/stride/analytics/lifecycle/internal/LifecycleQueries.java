package io.stride.analytics.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.activity.Verb;
import io.stride.analytics.internal.ActivitySummaries;
import io.stride.analytics.internal.CourseOpens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures over many courses at once for the content lifecycle: one query per figure, never one per course. The use in
 * a period comes from the statements, naming the courses and verbs first, the leading columns of
 * {@code statements_course_verb_time}; the last open from {@link CourseOpens}.
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
			.param("startVerbs", ActivitySummaries.START_VERBS)
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
