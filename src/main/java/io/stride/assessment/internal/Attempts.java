package io.stride.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.assessment.AttemptResult;
import io.stride.assessment.QuestionOutcome;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class Attempts {

	private static final TypeReference<List<QuestionOutcome>> OUTCOMES = new TypeReference<>() {
	};

	private static final String SELECT = "SELECT id, course_id, person_id, score, passed, answers, submitted_at, timed_out "
			+ "FROM attempts ";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Attempts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(AttemptResult attempt, String idempotencyKey, int courseVersion) {
		jdbc.sql("INSERT INTO attempts (id, course_id, person_id, idempotency_key, score, passed, answers, submitted_at, "
				+ "course_version, timed_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(attempt.attemptId(), attempt.courseId().value(), attempt.personId().value(), idempotencyKey,
					attempt.score(), attempt.passed(), json.writeValueAsString(attempt.outcomes()),
					Timestamp.from(attempt.submittedAt()), courseVersion, attempt.timedOut())
			.update();
	}

	/** How many attempts the learner submitted at this version of the course. */
	public int count(PersonId person, CourseId course, int courseVersion) {
		return jdbc.sql("SELECT COUNT(*) FROM attempts WHERE person_id = ? AND course_id = ? AND course_version = ?")
			.params(person.value(), course.value(), courseVersion)
			.query(Integer.class)
			.single();
	}

	/** Whether the learner passed this version of the course in any attempt. */
	public boolean passed(PersonId person, CourseId course, int courseVersion) {
		return jdbc.sql("SELECT COUNT(*) FROM attempts WHERE person_id = ? AND course_id = ? AND course_version = ? "
				+ "AND passed = TRUE")
			.params(person.value(), course.value(), courseVersion)
			.query(Integer.class)
			.single() > 0;
	}

	/** The learner's newest submitted attempt at this version of the course. */
	public Optional<AttemptResult> latest(PersonId person, CourseId course, int courseVersion) {
		return jdbc.sql(SELECT + "WHERE person_id = ? AND course_id = ? AND course_version = ? "
				+ "ORDER BY submitted_at DESC, id LIMIT 1")
			.params(person.value(), course.value(), courseVersion)
			.query(this::map)
			.optional();
	}

	public Optional<AttemptResult> byKey(PersonId person, String idempotencyKey) {
		return jdbc.sql(SELECT + "WHERE person_id = ? AND idempotency_key = ?")
			.params(person.value(), idempotencyKey)
			.query(this::map)
			.optional()
			.map(AttemptResult::replay);
	}

	public Optional<AttemptResult> byId(String id) {
		return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(this::map).optional();
	}

	public List<AttemptResult> of(PersonId person, CourseId course) {
		return jdbc.sql(SELECT + "WHERE person_id = ? AND course_id = ? ORDER BY submitted_at DESC")
			.params(person.value(), course.value())
			.query(this::map)
			.list();
	}

	private AttemptResult map(ResultSet rs, int n) throws SQLException {
		return new AttemptResult(rs.getString(1), new CourseId(rs.getString(2)), new PersonId(rs.getString(3)),
				rs.getInt(4), rs.getBoolean(5), json.readValue(rs.getString(6), OUTCOMES),
				rs.getTimestamp(7).toInstant(), false, rs.getBoolean(8));
	}
}
