package io.stride.analytics.internal;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.activity.Verb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Grouped counts over many courses at once, for the needs-attention lists: one query per figure, never one per
 * course. Every query names the courses and a verb, the leading columns of {@code statements_course_verb}.
 */
@Repository
public class NeedsAttentionQueries {

	private final JdbcClient jdbc;

	public NeedsAttentionQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Answers and right answers: {@code right} counts statements whose result was a success. */
	public record AnswerCount(int answers, int right) {
	}

	/** Distinct learners who started each course (read a lesson or started the quiz), by course id. */
	public Map<String, Integer> startedLearners(Collection<String> courses, Collection<String> actors) {
		Map<String, Integer> started = new HashMap<>();
		if (courses.isEmpty()) {
			return started;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		jdbc.sql("SELECT course_id, COUNT(DISTINCT actor_id) FROM statements"
				+ where(courses, CourseAnalyticsQueries.START_VERBS, actors, params) + " GROUP BY course_id")
			.params(params)
			.query((ResultSet rs) -> {
				started.put(rs.getString(1), rs.getInt(2));
			});
		return started;
	}

	/** Distinct learners who read each lesson: course id, then lesson activity IRI. */
	public Map<String, Map<String, Integer>> reachedByLesson(Collection<String> courses, Collection<String> actors) {
		Map<String, Map<String, Integer>> reached = new HashMap<>();
		if (courses.isEmpty()) {
			return reached;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		jdbc.sql("SELECT course_id, object_id, COUNT(DISTINCT actor_id) FROM statements"
				+ where(courses, List.of(Verb.EXPERIENCED.iri()), actors, params) + " GROUP BY course_id, object_id")
			.params(params)
			.query((ResultSet rs) -> {
				reached.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
			});
		return reached;
	}

	/** Answers per question (quiz questions and knowledge checks): course id, then question activity IRI. */
	public Map<String, Map<String, AnswerCount>> answers(Collection<String> courses, Collection<String> actors) {
		Map<String, Map<String, AnswerCount>> answers = new HashMap<>();
		if (courses.isEmpty()) {
			return answers;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		jdbc.sql("SELECT course_id, object_id, COUNT(*), SUM(CASE WHEN result_success = TRUE THEN 1 ELSE 0 END) "
				+ "FROM statements" + where(courses, List.of(Verb.ANSWERED.iri()), actors, params)
				+ " GROUP BY course_id, object_id")
			.params(params)
			.query((ResultSet rs) -> {
				answers.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
					.put(rs.getString(2), new AnswerCount(rs.getInt(3), rs.getInt(4)));
			});
		return answers;
	}

	/** Courses in which any of these learners did something (uses the {@code statements_actor} index). */
	public Set<String> coursesTakenBy(Collection<String> actors) {
		Set<String> courses = new HashSet<>();
		if (actors.isEmpty()) {
			return courses;
		}
		jdbc.sql("SELECT DISTINCT course_id FROM statements WHERE actor_id IN (:actors) AND course_id IS NOT NULL")
			.param("actors", List.copyOf(actors))
			.query((ResultSet rs) -> {
				courses.add(rs.getString(1));
			});
		return courses;
	}

	private static String where(Collection<String> courses, List<String> verbs, Collection<String> actors,
			Map<String, Object> params) {
		params.put("courses", List.copyOf(courses));
		params.put("verbs", verbs);
		if (actors == null) {
			return " WHERE course_id IN (:courses) AND verb IN (:verbs)";
		}
		params.put("actors", List.copyOf(actors));
		return " WHERE course_id IN (:courses) AND verb IN (:verbs) AND actor_id IN (:actors)";
	}
}
