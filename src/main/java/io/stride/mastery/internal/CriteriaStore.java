package io.stride.mastery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.mastery.ChecklistTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organization default, local criteria per team and course, their checklist tasks and named experts.
 * Criteria rows carry a revision: a save based on an older read changes nothing and says so.
 */
@Repository
public class CriteriaStore {

	private static final String ORGANIZATION = "organization";

	private final JdbcClient jdbc;

	CriteriaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Setting(int passMark, int revision) {
	}

	public record Row(TeamId teamId, CourseId courseId, Integer passMark, Integer successfulReviews, int revision) {
	}

	public record Expertise(TeamId teamId, CourseId courseId) {
	}

	public Setting organizationDefault() {
		return jdbc.sql("SELECT pass_mark, revision FROM mastery_settings WHERE id = ?")
			.param(ORGANIZATION)
			.query((rs, n) -> new Setting(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	public boolean saveOrganizationDefault(int passMark, int revision, PersonId by, Instant at) {
		return jdbc.sql("UPDATE mastery_settings SET pass_mark = ?, revision = revision + 1, updated_by = ?, updated_at = ? "
				+ "WHERE id = ? AND revision = ?")
			.params(passMark, by.value(), Timestamp.from(at), ORGANIZATION, revision)
			.update() == 1;
	}

	public Optional<Row> find(TeamId team, CourseId course) {
		return jdbc.sql("SELECT team_id, course_id, pass_mark, successful_reviews, revision FROM mastery_criteria "
				+ "WHERE team_id = ? AND course_id = ?")
			.params(team.value(), course.value())
			.query(this::row)
			.optional();
	}

	/** Every team's criteria for the course, to find the nearest for each learner with one query. */
	public List<Row> forCourse(CourseId course) {
		return jdbc.sql("SELECT team_id, course_id, pass_mark, successful_reviews, revision FROM mastery_criteria "
				+ "WHERE course_id = ?")
			.param(course.value())
			.query(this::row)
			.list();
	}

	public List<Row> forTeams(Collection<TeamId> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT team_id, course_id, pass_mark, successful_reviews, revision FROM mastery_criteria "
				+ "WHERE team_id IN (:teams)")
			.param("teams", teams.stream().map(TeamId::value).toList())
			.query(this::row)
			.list();
	}

	public void insert(Row row, PersonId by, Instant at) {
		jdbc.sql("INSERT INTO mastery_criteria (team_id, course_id, pass_mark, successful_reviews, revision, updated_by, "
				+ "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)")
			.params(row.teamId().value(), row.courseId().value(), row.passMark(), row.successfulReviews(), by.value(),
					Timestamp.from(at))
			.update();
	}

	public boolean update(Row row, int revision, PersonId by, Instant at) {
		return jdbc.sql("UPDATE mastery_criteria SET pass_mark = ?, successful_reviews = ?, revision = revision + 1, "
				+ "updated_by = ?, updated_at = ? WHERE team_id = ? AND course_id = ? AND revision = ?")
			.params(row.passMark(), row.successfulReviews(), by.value(), Timestamp.from(at), row.teamId().value(),
					row.courseId().value(), revision)
			.update() == 1;
	}

	/** Removes the criteria with their tasks (and so their sign-offs) and experts. */
	public void delete(TeamId team, CourseId course) {
		jdbc.sql("DELETE FROM checklist_tasks WHERE team_id = ? AND course_id = ?").params(team.value(), course.value()).update();
		jdbc.sql("DELETE FROM mastery_experts WHERE team_id = ? AND course_id = ?").params(team.value(), course.value()).update();
		jdbc.sql("DELETE FROM mastery_criteria WHERE team_id = ? AND course_id = ?").params(team.value(), course.value()).update();
	}

	public List<ChecklistTask> tasks(TeamId team, CourseId course) {
		return jdbc.sql("SELECT id, team_id, course_id, title FROM checklist_tasks WHERE team_id = ? AND course_id = ? "
				+ "ORDER BY position, created_at")
			.params(team.value(), course.value())
			.query(this::mapTask)
			.list();
	}

	public List<ChecklistTask> tasksForCourse(CourseId course) {
		return jdbc.sql("SELECT id, team_id, course_id, title FROM checklist_tasks WHERE course_id = ? ORDER BY position, created_at")
			.param(course.value())
			.query(this::mapTask)
			.list();
	}

	/** Every task, by team, course and position (the caller orders teams by name if it needs to). */
	public List<ChecklistTask> allTasks() {
		return jdbc.sql("SELECT id, team_id, course_id, title FROM checklist_tasks ORDER BY team_id, course_id, position, created_at")
			.query(this::mapTask)
			.list();
	}

	public Optional<ChecklistTask> task(String id) {
		return jdbc.sql("SELECT id, team_id, course_id, title FROM checklist_tasks WHERE id = ?")
			.param(id)
			.query(this::mapTask)
			.optional();
	}

	public void insertTask(ChecklistTask task, PersonId by, Instant at) {
		int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM checklist_tasks WHERE team_id = ? AND course_id = ?")
			.params(task.teamId().value(), task.courseId().value())
			.query(Integer.class)
			.single();
		jdbc.sql("INSERT INTO checklist_tasks (id, team_id, course_id, title, position, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(task.id(), task.teamId().value(), task.courseId().value(), task.title(), position, by.value(),
					Timestamp.from(at))
			.update();
	}

	public void deleteTask(String id) {
		jdbc.sql("DELETE FROM checklist_tasks WHERE id = ?").param(id).update();
	}

	public List<PersonId> experts(TeamId team, CourseId course) {
		return jdbc.sql("SELECT person_id FROM mastery_experts WHERE team_id = ? AND course_id = ? ORDER BY person_id")
			.params(team.value(), course.value())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	public void replaceExperts(TeamId team, CourseId course, Collection<PersonId> experts) {
		jdbc.sql("DELETE FROM mastery_experts WHERE team_id = ? AND course_id = ?").params(team.value(), course.value()).update();
		for (PersonId expert : experts) {
			jdbc.sql("INSERT INTO mastery_experts (team_id, course_id, person_id) VALUES (?, ?, ?)")
				.params(team.value(), course.value(), expert.value())
				.update();
		}
	}

	/** The checklists (team and course) a person is named expert for. */
	public List<Expertise> expertiseOf(PersonId person) {
		return jdbc.sql("SELECT team_id, course_id FROM mastery_experts WHERE person_id = ?")
			.param(person.value())
			.query((rs, n) -> new Expertise(new TeamId(rs.getString(1)), new CourseId(rs.getString(2))))
			.list();
	}

	public boolean isExpert(PersonId person, TeamId team, CourseId course) {
		return jdbc.sql("SELECT COUNT(*) FROM mastery_experts WHERE person_id = ? AND team_id = ? AND course_id = ?")
			.params(person.value(), team.value(), course.value())
			.query(Integer.class)
			.single() > 0;
	}

	private ChecklistTask mapTask(ResultSet rs, int n) throws SQLException {
		return new ChecklistTask(rs.getString(1), new TeamId(rs.getString(2)), new CourseId(rs.getString(3)), rs.getString(4));
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(new TeamId(rs.getString(1)), new CourseId(rs.getString(2)), (Integer) rs.getObject(3, Integer.class),
				(Integer) rs.getObject(4, Integer.class), rs.getInt(5));
	}
}
