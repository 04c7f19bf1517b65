package io.stride.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.assessment.Answer;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer to a knowledge check, kept (not only the last) so that later review can see how a learner did over
 * time.
 */
@Repository
public class CheckAnswers {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public CheckAnswers(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Row(String id, PersonId personId, CourseId courseId, Answer answer, double credit, boolean correct,
			Instant answeredAt) {
	}

	public Row insert(PersonId person, CourseId course, Answer answer, double credit, boolean correct, Instant at) {
		Row row = new Row(Ids.newId(), person, course, answer, credit, correct, at);
		jdbc.sql("INSERT INTO check_answers (id, person_id, course_id, question_id, answer, credit, correct, answered_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), person.value(), course.value(), answer.questionId(), json.writeValueAsString(answer), credit,
					correct, Timestamp.from(at))
			.update();
		return row;
	}

	/** A learner's answers in a course, oldest first. */
	public List<Row> of(PersonId person, CourseId course) {
		return jdbc.sql("SELECT id, person_id, course_id, answer, credit, correct, answered_at FROM check_answers "
				+ "WHERE person_id = ? AND course_id = ? ORDER BY seq")
			.params(person.value(), course.value())
			.query((rs, n) -> new Row(rs.getString(1), new PersonId(rs.getString(2)), new CourseId(rs.getString(3)),
					json.readValue(rs.getString(4), Answer.class), rs.getDouble(5), rs.getBoolean(6),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** The last answer to each check, by question id. */
	public Map<String, Row> latest(PersonId person, CourseId course) {
		Map<String, Row> latest = new HashMap<>();
		of(person, course).forEach(row -> latest.put(row.answer().questionId(), row));
		return latest;
	}
}
