package io.stride.mastery.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.mastery.MasteryRecord;
import io.stride.mastery.SignOff;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evidence kept by the mastery module: best quiz scores, checklist sign-offs, and the masteries reached.
 */
@Repository
public class EvidenceStore {

	private static final String SIGN_OFF = "SELECT id, task_id, person_id, signed_by, signer_name, observed_on, note, "
			+ "created_at FROM checklist_sign_offs ";

	private final JdbcClient jdbc;

	EvidenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Subject(PersonId personId, CourseId courseId) {
	}

	/** Keeps the better of the stored and the new score; the caller holds no lock, so a lost race is retried. */
	public void recordScore(PersonId person, CourseId course, int score) {
		Optional<Integer> best = bestScore(person, course);
		if (best.isEmpty()) {
			jdbc.sql("INSERT INTO mastery_scores (person_id, course_id, best_score) VALUES (?, ?, ?)")
				.params(person.value(), course.value(), score)
				.update();
		}
		else if (best.get() < score) {
			jdbc.sql("UPDATE mastery_scores SET best_score = ? WHERE person_id = ? AND course_id = ? AND best_score < ?")
				.params(score, person.value(), course.value(), score)
				.update();
		}
	}

	public Optional<Integer> bestScore(PersonId person, CourseId course) {
		return jdbc.sql("SELECT best_score FROM mastery_scores WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(Integer.class)
			.optional();
	}

	/** Learners whose best score lies in [from, to): their quiz criterion flips when the pass mark moves across it. */
	public List<Subject> scoresBetween(int from, int to) {
		return jdbc.sql("SELECT person_id, course_id FROM mastery_scores WHERE best_score >= ? AND best_score < ?")
			.params(from, to)
			.query((rs, n) -> new Subject(new PersonId(rs.getString(1)), new CourseId(rs.getString(2))))
			.list();
	}

	/** Courses the person has any evidence or mastery for, in no particular order. */
	public Set<CourseId> coursesOf(PersonId person) {
		Set<CourseId> courses = new LinkedHashSet<>();
		jdbc.sql("SELECT course_id FROM mastery_scores WHERE person_id = ? UNION SELECT t.course_id FROM checklist_sign_offs s "
				+ "JOIN checklist_tasks t ON t.id = s.task_id WHERE s.person_id = ? UNION SELECT course_id FROM masteries "
				+ "WHERE person_id = ?")
			.params(person.value(), person.value(), person.value())
			.query((rs, n) -> new CourseId(rs.getString(1)))
			.list()
			.forEach(courses::add);
		return courses;
	}

	/** Per course, how many of these people have a quiz score for it. */
	public Map<CourseId, Integer> scoredCourses(Collection<PersonId> people) {
		return countByCourse("SELECT course_id, COUNT(*) FROM mastery_scores WHERE person_id = ANY(:people) GROUP BY course_id",
				people);
	}

	/** Per course, how many of these people have mastered it. */
	public Map<CourseId, Integer> masteredCounts(Collection<PersonId> people) {
		return countByCourse("SELECT course_id, COUNT(*) FROM masteries WHERE person_id = ANY(:people) GROUP BY course_id",
				people);
	}

	private Map<CourseId, Integer> countByCourse(String sql, Collection<PersonId> people) {
		Map<CourseId, Integer> counts = new HashMap<>();
		if (!people.isEmpty()) {
			jdbc.sql(sql)
				.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
				.query((rs, n) -> Map.entry(new CourseId(rs.getString(1)), rs.getInt(2)))
				.list()
				.forEach(e -> counts.put(e.getKey(), e.getValue()));
		}
		return counts;
	}

	public void insert(SignOff signOff) {
		jdbc.sql("INSERT INTO checklist_sign_offs (id, task_id, person_id, signed_by, signer_name, observed_on, note, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(signOff.id(), signOff.taskId(), signOff.personId().value(), signOff.signedBy().value(),
					signOff.signerName(), Date.valueOf(signOff.observedOn()), signOff.note(),
					Timestamp.from(signOff.createdAt()))
			.update();
	}

	public Optional<SignOff> signOff(String id) {
		return jdbc.sql(SIGN_OFF + "WHERE id = ?").param(id).query(this::mapSignOff).optional();
	}

	public Optional<SignOff> signOff(String taskId, PersonId person) {
		return jdbc.sql(SIGN_OFF + "WHERE task_id = ? AND person_id = ?")
			.params(taskId, person.value())
			.query(this::mapSignOff)
			.optional();
	}

	/** Sign-offs of these tasks, by task id and learner id. */
	public Map<String, SignOff> signOffs(Collection<String> taskIds) {
		Map<String, SignOff> byTaskAndPerson = new HashMap<>();
		if (!taskIds.isEmpty()) {
			jdbc.sql(SIGN_OFF + "WHERE task_id IN (:tasks)")
				.param("tasks", List.copyOf(taskIds))
				.query(this::mapSignOff)
				.list()
				.forEach(s -> byTaskAndPerson.put(key(s.taskId(), s.personId()), s));
		}
		return byTaskAndPerson;
	}

	public static String key(String taskId, PersonId person) {
		return taskId + "/" + person.value();
	}

	public void deleteSignOff(String id) {
		jdbc.sql("DELETE FROM checklist_sign_offs WHERE id = ?").param(id).update();
	}

	public Optional<Instant> masteredAt(PersonId person, CourseId course) {
		return jdbc.sql("SELECT mastered_at FROM masteries WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	public void insertMastery(PersonId person, CourseId course, Instant at) {
		jdbc.sql("INSERT INTO masteries (person_id, course_id, mastered_at) VALUES (?, ?, ?)")
			.params(person.value(), course.value(), Timestamp.from(at))
			.update();
	}

	public void deleteMastery(PersonId person, CourseId course) {
		jdbc.sql("DELETE FROM masteries WHERE person_id = ? AND course_id = ?").params(person.value(), course.value()).update();
	}

	/** Marks a mastery as shown again now: expiring evidence built on it counts from this moment. */
	public void renewMastery(PersonId person, CourseId course, Instant at) {
		jdbc.sql("UPDATE masteries SET renewed_at = ? WHERE person_id = ? AND course_id = ?")
			.params(Timestamp.from(at), person.value(), course.value())
			.update();
	}

	/** Masteries of these people on these courses, each as of the last time it was shown. */
	public List<MasteryRecord> masteries(Collection<PersonId> people, Collection<CourseId> courses) {
		if (people.isEmpty() || courses.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT person_id, course_id, COALESCE(renewed_at, mastered_at) FROM masteries WHERE person_id = ANY(:people) "
				+ "AND course_id = ANY(:courses)")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("courses", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
			.query((rs, n) -> new MasteryRecord(new PersonId(rs.getString(1)), new CourseId(rs.getString(2)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	public Set<PersonId> peopleWhoMastered(Collection<CourseId> courses) {
		return people("SELECT DISTINCT person_id FROM masteries WHERE course_id = ANY(:ids)",
				courses.stream().map(CourseId::value).toList());
	}

	/** Sign-offs of these people on these tasks. */
	public List<SignOff> signOffsOf(Collection<PersonId> people, Collection<String> taskIds) {
		if (people.isEmpty() || taskIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SIGN_OFF + "WHERE person_id = ANY(:people) AND task_id = ANY(:tasks)")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("tasks", SqlArrays.varchars(taskIds))
			.query(this::mapSignOff)
			.list();
	}

	public Set<PersonId> peopleSignedOff(Collection<String> taskIds) {
		return people("SELECT DISTINCT person_id FROM checklist_sign_offs WHERE task_id = ANY(:ids)", taskIds);
	}

	private Set<PersonId> people(String sql, Collection<String> ids) {
		Set<PersonId> people = new LinkedHashSet<>();
		if (!ids.isEmpty()) {
			jdbc.sql(sql)
				.param("ids", SqlArrays.varchars(ids))
				.query((rs, n) -> new PersonId(rs.getString(1)))
				.list()
				.forEach(people::add);
		}
		return people;
	}

	private SignOff mapSignOff(ResultSet rs, int n) throws SQLException {
		return new SignOff(rs.getString(1), rs.getString(2), new PersonId(rs.getString(3)), new PersonId(rs.getString(4)),
				rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getTimestamp(8).toInstant());
	}
}
