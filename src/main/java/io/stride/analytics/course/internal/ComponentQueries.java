package io.stride.analytics.course.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.stride.activity.Verb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What figures that follow a component need beyond a course's own: answers to a knowledge check. */
@Repository
public class ComponentQueries {

	private final JdbcClient jdbc;

	public ComponentQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each learner's first answer to a knowledge check in a course, as its credit from 0 to 1 (knowledge checks are
	 * answered outside quiz attempts: their statements carry no registration).
	 */
	public List<Double> firstCheckScores(String courseId, String questionIri) {
		List<Double> scores = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		jdbc.sql("SELECT actor_id, result_score FROM statements WHERE course_id = ? AND verb = ? AND object_id = ? "
				+ "AND registration IS NULL ORDER BY occurred_at, id")
			.params(courseId, Verb.ANSWERED.iri(), questionIri)
			.query(rs -> {
				if (seen.add(rs.getString(1))) {
					scores.add(rs.getDouble(2));
				}
			});
		return scores;
	}
}
