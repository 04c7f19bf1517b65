package io.stride.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.delivery.ProgressStatus;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lessons read and the progress read model. Inserts check first, so that a reload or a second tab does not
 * fail on an existing row; two requests racing on the very same row make one of them fail and be retried.
 */
@Repository
public class ProgressStore {

	private final JdbcClient jdbc;

	public ProgressStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(PersonId personId, CourseId courseId, ProgressStatus status, Integer bestScore, int attempts,
			boolean passed, Instant completedAt, String recertifyReason) {
	}

	private static final String COLUMNS = "SELECT person_id, course_id, status, best_score, attempts, passed, completed_at, recertify_reason FROM progress ";

	public void markRead(PersonId person, CourseId course, String lessonId) {
		boolean read = jdbc.sql("SELECT COUNT(*) FROM lesson_reads WHERE person_id = ? AND lesson_id = ?")
			.params(person.value(), lessonId)
			.query(Integer.class)
			.single() > 0;
		if (!read) {
			jdbc.sql("INSERT INTO lesson_reads (person_id, course_id, lesson_id, first_read_at) VALUES (?, ?, ?, ?)")
				.params(person.value(), course.value(), lessonId, Timestamp.from(Instant.now()))
				.update();
		}
	}

	public Set<String> readLessons(PersonId person, CourseId course) {
		return new HashSet<>(jdbc.sql("SELECT lesson_id FROM lesson_reads WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(String.class)
			.list());
	}

	/** Starts the learner's progress in the course unless it exists; answers whether it was started now. */
	public boolean ensureStarted(PersonId person, CourseId course) {
		if (find(person, course).isEmpty()) {
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("INSERT INTO progress (person_id, course_id, status, attempts, started_at, updated_at) "
					+ "VALUES (?, ?, 'IN_PROGRESS', 0, ?, ?)")
				.params(person.value(), course.value(), now, now)
				.update();
			return true;
		}
		return false;
	}

	/** How many people have progress in each of these courses; courses nobody started are absent. */
	public Map<CourseId, Integer> learnersPerCourse(Collection<CourseId> courses) {
		Map<CourseId, Integer> counts = new HashMap<>();
		if (courses.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT course_id, COUNT(*) FROM progress WHERE course_id = ANY(:courses) GROUP BY course_id")
			.param("courses", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
			.query(rs -> {
				counts.put(new CourseId(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	public Optional<Row> find(PersonId person, CourseId course) {
		return jdbc.sql(COLUMNS + "WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(this::map)
			.optional();
	}

	/** The row, locked until the transaction ends, so that parallel updates of one learner's progress queue up. */
	public Row lock(PersonId person, CourseId course) {
		return jdbc.sql(COLUMNS + "WHERE person_id = ? AND course_id = ? FOR UPDATE")
			.params(person.value(), course.value())
			.query(this::map)
			.single();
	}

	/** Counts an attempt in one statement, so that no parallel write can lose it. */
	public void recordAttempt(PersonId person, CourseId course, int score, boolean passed) {
		jdbc.sql("UPDATE progress SET attempts = attempts + 1, "
				+ "best_score = CASE WHEN best_score IS NULL OR best_score < ? THEN ? ELSE best_score END, "
				+ "passed = CASE WHEN ? THEN TRUE ELSE passed END, updated_at = ? WHERE person_id = ? AND course_id = ?")
			.params(score, score, passed, Timestamp.from(Instant.now()), person.value(), course.value())
			.update();
	}

	public List<Row> ofPerson(PersonId person) {
		return jdbc.sql(COLUMNS + "WHERE person_id = ?")
			.param(person.value())
			.query(this::map)
			.list();
	}

	public List<Row> ofPeople(Collection<PersonId> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE person_id = ANY(:people)")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.query(this::map)
			.list();
	}

	public void updateStatus(PersonId person, CourseId course, ProgressStatus status, Instant completedAt) {
		jdbc.sql("UPDATE progress SET status = ?, completed_at = ?, updated_at = ? WHERE person_id = ? AND course_id = ?")
			.params(status.name(), completedAt == null ? null : Timestamp.from(completedAt), Timestamp.from(Instant.now()),
					person.value(), course.value())
			.update();
	}

	/** The same row with a recertification reason, for display. */
	public Row withReason(Row row, String reason) {
		return new Row(row.personId(), row.courseId(), row.status(), row.bestScore(), row.attempts(), row.passed(),
				row.completedAt(), reason);
	}

	/** Asks everyone who finished an earlier version of the course to take it again; answers who they are. */
	public List<PersonId> askToRecertify(CourseId course, String reason) {
		List<PersonId> people = jdbc.sql("SELECT person_id FROM progress WHERE course_id = ? AND status IN ('COMPLETED', 'PASSED')")
			.param(course.value())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
		jdbc.sql("UPDATE progress SET recertify_reason = ?, updated_at = ? WHERE course_id = ? AND status IN ('COMPLETED', 'PASSED')")
			.params(reason, Timestamp.from(Instant.now()), course.value())
			.update();
		return people;
	}

	/** Asks one learner who finished the course to take it again (the course then opens from the start). */
	public boolean askToRetake(PersonId person, CourseId course, String reason) {
		return jdbc.sql("UPDATE progress SET recertify_reason = ?, updated_at = ? WHERE person_id = ? AND course_id = ? "
				+ "AND status IN ('COMPLETED', 'PASSED')")
			.params(reason, Timestamp.from(Instant.now()), person.value(), course.value())
			.update() > 0;
	}

	/** Starts the course over for one learner: lessons unread, no attempts counted; the learning record keeps the past. */
	public void restart(PersonId person, CourseId course) {
		jdbc.sql("DELETE FROM lesson_reads WHERE person_id = ? AND course_id = ?").params(person.value(), course.value()).update();
		jdbc.sql("UPDATE progress SET status = 'IN_PROGRESS', best_score = NULL, attempts = 0, passed = FALSE, "
				+ "completed_at = NULL, recertify_reason = NULL, updated_at = ? WHERE person_id = ? AND course_id = ?")
			.params(Timestamp.from(Instant.now()), person.value(), course.value())
			.update();
	}

	private Row map(ResultSet rs, int n) throws SQLException {
		Timestamp completed = rs.getTimestamp(7);
		return new Row(new PersonId(rs.getString(1)), new CourseId(rs.getString(2)),
				ProgressStatus.valueOf(rs.getString(3)), (Integer) rs.getObject(4, Integer.class), rs.getInt(5),
				rs.getBoolean(6), completed == null ? null : completed.toInstant(), rs.getString(8));
	}
}
