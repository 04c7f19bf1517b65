package io.stride.delivery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.delivery.Assignment;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Assignments {

	private final JdbcClient jdbc;

	public Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Assigns, or moves the due date when the course is already assigned to the team. */
	public Assignment assign(CourseId course, TeamId team, LocalDate due, PersonId by) {
		int updated = jdbc.sql("UPDATE assignments SET due_date = ?, assigned_by = ?, assigned_at = ? WHERE course_id = ? AND team_id = ?")
			.params(due, by.value(), Timestamp.from(Instant.now()), course.value(), team.value())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO assignments (id, course_id, team_id, due_date, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(Ids.newId(), course.value(), team.value(), due, by.value(), Timestamp.from(Instant.now()))
				.update();
		}
		return forTeams(List.of(team)).stream().filter(a -> a.courseId().equals(course)).findFirst().orElseThrow();
	}

	public List<Assignment> forTeams(Collection<TeamId> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, course_id, team_id, due_date FROM assignments WHERE team_id IN (:teams) ORDER BY due_date NULLS LAST, id")
			.param("teams", teams.stream().map(TeamId::value).toList())
			.query((rs, n) -> new Assignment(rs.getString(1), new CourseId(rs.getString(2)), new TeamId(rs.getString(3)),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	public List<Assignment> forCourse(CourseId course) {
		return jdbc.sql("SELECT id, course_id, team_id, due_date FROM assignments WHERE course_id = ? ORDER BY due_date NULLS LAST, id")
			.param(course.value())
			.query((rs, n) -> new Assignment(rs.getString(1), new CourseId(rs.getString(2)), new TeamId(rs.getString(3)),
					rs.getObject(4, LocalDate.class)))
			.list();
	}
}
