package io.stride.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.assessment.Answer;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attempts in progress, one per learner and course: what was drawn, what was answered so far, until when. Reads
 * that precede a change lock the row, so that saving an answer and submitting queue up instead of racing.
 */
@Repository
public class OpenAttempts {

	private static final TypeReference<List<Drawn>> DRAWN = new TypeReference<>() {
	};

	private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {
	};

	private static final String SELECT = "SELECT id, course_id, person_id, course_version, questions, answers, started_at, "
			+ "deadline FROM open_attempts ";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public OpenAttempts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A drawn question as stored: its id and the order its options are shown in. */
	public record Drawn(String questionId, List<Integer> order) {
	}

	public record Row(String id, CourseId courseId, PersonId personId, int version, List<Drawn> questions,
			Map<String, Answer> answers, Instant startedAt, Instant deadline) {

		/** Past the deadline, allowing {@code grace} for the last save on its way. */
		public boolean expired(Instant now, Duration grace) {
			return deadline != null && now.isAfter(deadline.plus(grace));
		}
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO open_attempts (id, course_id, person_id, course_version, questions, answers, started_at, "
				+ "deadline, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.courseId().value(), row.personId().value(), row.version(),
					json.writeValueAsString(row.questions()), json.writeValueAsString(List.copyOf(row.answers().values())),
					Timestamp.from(row.startedAt()), row.deadline() == null ? null : Timestamp.from(row.deadline()),
					Timestamp.from(row.startedAt()))
			.update();
	}

	/** The attempt, locked until the transaction ends. */
	public Optional<Row> lock(String id) {
		return jdbc.sql(SELECT + "WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
	}

	/** The learner's attempt at the course, locked until the transaction ends. */
	public Optional<Row> lock(PersonId person, CourseId course) {
		return jdbc.sql(SELECT + "WHERE person_id = ? AND course_id = ? FOR UPDATE")
			.params(person.value(), course.value())
			.query(this::map)
			.optional();
	}

	public Optional<Row> find(PersonId person, CourseId course) {
		return jdbc.sql(SELECT + "WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(this::map)
			.optional();
	}

	public void saveAnswers(String id, Map<String, Answer> answers, Instant at) {
		jdbc.sql("UPDATE open_attempts SET answers = ?, saved_at = ? WHERE id = ?")
			.params(json.writeValueAsString(List.copyOf(answers.values())), Timestamp.from(at), id)
			.update();
	}

	public void delete(String id) {
		jdbc.sql("DELETE FROM open_attempts WHERE id = ?").param(id).update();
	}

	private Row map(ResultSet rs, int n) throws SQLException {
		Map<String, Answer> answers = new LinkedHashMap<>();
		json.readValue(rs.getString(6), ANSWERS).forEach(answer -> answers.put(answer.questionId(), answer));
		Timestamp deadline = rs.getTimestamp(8);
		return new Row(rs.getString(1), new CourseId(rs.getString(2)), new PersonId(rs.getString(3)), rs.getInt(4),
				json.readValue(rs.getString(5), DRAWN), answers, rs.getTimestamp(7).toInstant(),
				deadline == null ? null : deadline.toInstant());
	}
}
