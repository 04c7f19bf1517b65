package io.stride.analytics.attention.internal;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.activity.Verb;
import io.stride.analytics.internal.ActivitySummaries;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Grouped counts over many courses at once, for the needs-attention lists: one query per figure, never one per
 * course. They read the summaries ({@link ActivitySummaries}), not the statements: the whole organization's figures
 * from {@code activity_totals}, a team's from its learners' rows in {@code activity_learners}.
 */
@Repository
public class NeedsAttentionQueries {

	private final JdbcClient jdbc;

	private final ActivitySummaries summaries;

	public NeedsAttentionQueries(JdbcClient jdbc, ActivitySummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	/** Answers and right answers: {@code right} counts statements whose result was a success. */
	public record AnswerCount(int answers, int right) {
	}

	/** Folds the statements recorded since the last read into the summaries; call once before a report. */
	public void catchUp() {
		summaries.catchUp();
	}

	/** Distinct learners who started each course (read a lesson or started the quiz), by course id. */
	public Map<String, Integer> startedLearners(Collection<String> courses, Collection<String> actors) {
		Map<String, Integer> started = new HashMap<>();
		measure(courses, ActivitySummaries.STARTED, actors, "COUNT(*)", "learners",
				rs -> started.merge(rs.getString(1), rs.getInt(3), Integer::sum));
		return started;
	}

	/** Distinct learners who read each lesson: course id, then lesson activity IRI. */
	public Map<String, Map<String, Integer>> reachedByLesson(Collection<String> courses, Collection<String> actors) {
		Map<String, Map<String, Integer>> reached = new HashMap<>();
		measure(courses, Verb.EXPERIENCED.iri(), actors, "COUNT(*)", "learners",
				rs -> reached.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3)));
		return reached;
	}

	/** Answers per question (quiz questions and knowledge checks): course id, then question activity IRI. */
	public Map<String, Map<String, AnswerCount>> answers(Collection<String> courses, Collection<String> actors) {
		Map<String, Map<String, AnswerCount>> answers = new HashMap<>();
		measure(courses, Verb.ANSWERED.iri(), actors, "SUM(statements), SUM(successes)", "statements, successes",
				rs -> answers.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
					.put(rs.getString(2), new AnswerCount(rs.getInt(3), rs.getInt(4))));
		return answers;
	}

	/** Courses in which any of these learners did something (uses the {@code activity_learners_actor_measure} index). */
	public Set<String> coursesTakenBy(Collection<String> actors) {
		Set<String> courses = new HashSet<>();
		if (actors.isEmpty()) {
			return courses;
		}
		jdbc.sql("SELECT DISTINCT course_id FROM activity_learners WHERE actor_id = ANY(:actors)")
			.param("actors", SqlArrays.varchars(actors))
			.query((ResultSet rs) -> {
				courses.add(rs.getString(1));
			});
		return courses;
	}

	/**
	 * One measure of these courses, per course and activity: from the totals for everyone ({@code actors} null),
	 * summed over the learners' rows otherwise.
	 */
	private void measure(Collection<String> courses, String measure, Collection<String> actors, String sums,
			String totalColumns, RowCallbackHandler row) {
		if (courses.isEmpty() || (actors != null && actors.isEmpty())) {
			return;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("courses", List.copyOf(courses));
		params.put("measure", measure);
		String sql;
		if (actors == null) {
			sql = "SELECT course_id, object_id, " + totalColumns + " FROM activity_totals "
					+ "WHERE course_id IN (:courses) AND measure = :measure";
		}
		else {
			params.put("actors", SqlArrays.varchars(actors));
			sql = "SELECT course_id, object_id, " + sums + " FROM activity_learners WHERE course_id IN (:courses) "
					+ "AND measure = :measure AND actor_id = ANY(:actors) GROUP BY course_id, object_id";
		}
		jdbc.sql(sql).params(params).query(row);
	}
}
