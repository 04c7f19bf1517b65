package io.stride.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Completion certificates. A learner has at most one current certificate per course; callers hold the progress row
 * lock while issuing, so two requests never issue two.
 */
@Repository
public class Certificates {

	private final JdbcClient jdbc;

	public Certificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(String id, PersonId personId, CourseId courseId, int version, String courseTitle, Integer score,
			Instant completedAt, boolean current) {
	}

	private static final String COLUMNS = "SELECT id, person_id, course_id, version, course_title, score, completed_at, superseded_at FROM certificates ";

	public Optional<Row> current(PersonId person, CourseId course) {
		return jdbc.sql(COLUMNS + "WHERE person_id = ? AND course_id = ? AND superseded_at IS NULL")
			.params(person.value(), course.value())
			.query(this::map)
			.optional();
	}

	public Optional<Row> byId(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(this::map).optional();
	}

	public Row issue(PersonId person, CourseId course, int version, String title, Integer score, Instant completedAt) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO certificates (id, person_id, course_id, version, course_title, score, completed_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, person.value(), course.value(), version, title, score, Timestamp.from(completedAt))
			.update();
		return new Row(id, person, course, version, title, score, completedAt, true);
	}

	/** The learner takes the course again: the certificate they had is no longer the current one. */
	public void supersede(PersonId person, CourseId course, Instant at) {
		jdbc.sql("UPDATE certificates SET superseded_at = ? WHERE person_id = ? AND course_id = ? AND superseded_at IS NULL")
			.params(Timestamp.from(at), person.value(), course.value())
			.update();
	}

	private Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), new PersonId(rs.getString(2)), new CourseId(rs.getString(3)), rs.getInt(4),
				rs.getString(5), (Integer) rs.getObject(6, Integer.class), rs.getTimestamp(7).toInstant(),
				rs.getTimestamp(8) == null);
	}
}
