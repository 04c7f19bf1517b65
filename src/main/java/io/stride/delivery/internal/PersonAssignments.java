package io.stride.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.delivery.PersonAssignment;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses assigned to one person, one row per course and person. */
@Repository
public class PersonAssignments {

	private static final String ROW = "SELECT id, course_id, person_id, due_date, reason FROM person_assignments ";

	private final JdbcClient jdbc;

	PersonAssignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Assigns, or moves the due date and reason when the course is already assigned to the person. */
	public PersonAssignment assign(CourseId course, PersonId person, LocalDate due, String reason, PersonId by,
			Instant at) {
		int updated = jdbc.sql("UPDATE person_assignments SET due_date = ?, reason = ?, assigned_by = ?, assigned_at = ? "
				+ "WHERE course_id = ? AND person_id = ?")
			.params(due, reason, by.value(), Timestamp.from(at), course.value(), person.value())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO person_assignments (id, course_id, person_id, due_date, reason, assigned_by, assigned_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(Ids.newId(), course.value(), person.value(), due, reason, by.value(), Timestamp.from(at))
				.update();
		}
		return jdbc.sql(ROW + "WHERE course_id = ? AND person_id = ?")
			.params(course.value(), person.value())
			.query(this::map)
			.single();
	}

	public List<PersonAssignment> forPerson(PersonId person) {
		return forPeople(List.of(person));
	}

	/** One query for a whole team tree: the people go as one array parameter. */
	public List<PersonAssignment> forPeople(Collection<PersonId> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ROW + "WHERE person_id = ANY(:people) ORDER BY due_date NULLS LAST, id")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.query(this::map)
			.list();
	}

	private PersonAssignment map(ResultSet rs, int n) throws SQLException {
		return new PersonAssignment(rs.getString(1), new CourseId(rs.getString(2)), new PersonId(rs.getString(3)),
				rs.getObject(4, LocalDate.class), rs.getString(5));
	}
}
