package io.stride.analytics.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.activity.Verb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures over many courses at once for the content lifecycle and the library's health: one query per figure,
 * never one per course. The last open comes from the summaries; the use in a period from the statements, naming the
 * courses and verbs first, the leading columns of {@code statements_course_verb_time}.
 */
@Repository
public class LifecycleQueries {

	private final JdbcClient jdbc;

	private final ActivitySummaries summaries;

	public LifecycleQueries(JdbcClient jdbc, ActivitySummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	/**
	 * What learners did with a course since a moment: distinct learners who opened, started (read a lesson or
	 * started the quiz) and completed it, and the quiz attempts passed and failed.
	 */
	public record RecentUse(int opened, int started, int completed, int passed, int failed) {
	}

	/**
	 * When each course was last opened, by course id; courses nobody ever opened are absent. The summaries keep the
	 * last time of each measure (ADR 0014), so this reads one row per course, however many opens there were.
	 */
	public Map<String, Instant> lastOpened(Collection<String> courses) {
		summaries.catchUp();
		Map<String, Instant> last = new HashMap<>();
		List<String> all = List.copyOf(courses);
		for (int from = 0; from < all.size(); from += 1000) {
			jdbc.sql("SELECT course_id, MAX(last_at) FROM activity_totals WHERE course_id IN (:courses) "
					+ "AND measure = :opened GROUP BY course_id")
				.param("courses", all.subList(from, Math.min(all.size(), from + 1000)))
				.param("opened", Verb.OPENED.iri())
				.query((ResultSet rs) -> {
					last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
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
