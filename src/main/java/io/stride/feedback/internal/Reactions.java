package io.stride.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.feedback.ImprovementRequest;
import io.stride.feedback.Reaction;
import io.stride.feedback.ReactionKind;
import io.stride.feedback.ReactionScore;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reactions and improvement requests. Saving a reaction updates first and inserts only when there was none, so the
 * reaction row is locked for the rest of the transaction and the learner's open request is changed by one request
 * at a time; two first reactions racing make one fail on the key and be retried.
 */
@Repository
public class Reactions {

	private final JdbcClient jdbc;

	public Reactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An improvement request with the learner who raised it, which only the notification needs. */
	public record StoredRequest(ImprovementRequest request, PersonId learner) {
	}

	public void save(PersonId person, CourseId course, String lessonId, int version, ReactionKind kind, String comment,
			Instant at) {
		int updated = jdbc.sql("UPDATE lesson_reactions SET course_id = ?, version = ?, kind = ?, comment = ?, reacted_at = ? "
				+ "WHERE person_id = ? AND lesson_id = ?")
			.params(course.value(), version, kind.name(), comment, Timestamp.from(at), person.value(), lessonId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO lesson_reactions (person_id, lesson_id, course_id, version, kind, comment, reacted_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(person.value(), lessonId, course.value(), version, kind.name(), comment, Timestamp.from(at))
				.update();
		}
	}

	public List<Reaction> ofPerson(PersonId person, CourseId course) {
		return jdbc.sql("SELECT r.course_id, r.lesson_id, r.kind, r.comment, r.reacted_at, q.id FROM lesson_reactions r "
				+ "LEFT JOIN improvement_requests q ON q.person_id = r.person_id AND q.lesson_id = r.lesson_id AND q.status = 'OPEN' "
				+ "WHERE r.person_id = ? AND r.course_id = ? ORDER BY r.reacted_at")
			.params(person.value(), course.value())
			.query((rs, n) -> new Reaction(new CourseId(rs.getString(1)), rs.getString(2), ReactionKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

	/** Counts of every learner's current reaction on the course's lessons, per lesson. */
	public Map<String, ReactionScore> scoreByLesson(CourseId course) {
		Map<String, ReactionScore> scores = new HashMap<>();
		jdbc.sql("SELECT lesson_id, kind, COUNT(*) FROM lesson_reactions WHERE course_id = ? GROUP BY lesson_id, kind")
			.param(course.value())
			.query((ResultSet rs) -> {
				scores.merge(rs.getString(1), ReactionScore.NONE.plus(ReactionKind.valueOf(rs.getString(2)), rs.getInt(3)),
						Reactions::sum);
			});
		return scores;
	}

	public Map<CourseId, ReactionScore> scores(Collection<CourseId> courses) {
		Map<CourseId, ReactionScore> scores = new HashMap<>();
		if (courses.isEmpty()) {
			return scores;
		}
		jdbc.sql("SELECT course_id, kind, COUNT(*) FROM lesson_reactions WHERE course_id IN (:courses) GROUP BY course_id, kind")
			.param("courses", courses.stream().map(CourseId::value).toList())
			.query((ResultSet rs) -> {
				scores.merge(new CourseId(rs.getString(1)),
						ReactionScore.NONE.plus(ReactionKind.valueOf(rs.getString(2)), rs.getInt(3)), Reactions::sum);
			});
		return scores;
	}

	/**
	 * Counts of current reactions per course and lesson, counting only {@code people} when not null. Analytics asks
	 * for many courses at once, so this is one grouped query, not one per course.
	 */
	public Map<CourseId, Map<String, ReactionScore>> scoreByLesson(Collection<CourseId> courses,
			Collection<PersonId> people) {
		Map<CourseId, Map<String, ReactionScore>> scores = new HashMap<>();
		if (courses.isEmpty()) {
			return scores;
		}
		var sql = jdbc.sql("SELECT course_id, lesson_id, kind, COUNT(*) FROM lesson_reactions WHERE course_id IN (:courses)"
				+ (people == null ? "" : " AND person_id = ANY(:people)") + " GROUP BY course_id, lesson_id, kind")
			.param("courses", courses.stream().map(CourseId::value).toList());
		if (people != null) {
			sql = sql.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()));
		}
		sql.query((ResultSet rs) -> {
			scores.computeIfAbsent(new CourseId(rs.getString(1)), k -> new HashMap<>())
				.merge(rs.getString(2), ReactionScore.NONE.plus(ReactionKind.valueOf(rs.getString(3)), rs.getInt(4)),
						Reactions::sum);
		});
		return scores;
	}

	/** Open requests per course, raised only by {@code people} when not null. */
	public Map<CourseId, Integer> openCounts(Collection<CourseId> courses, Collection<PersonId> people) {
		if (people == null) {
			return openCounts(courses);
		}
		Map<CourseId, Integer> counts = new HashMap<>();
		if (courses.isEmpty() || people.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT course_id, COUNT(*) FROM improvement_requests WHERE status = 'OPEN' AND course_id IN (:courses) "
				+ "AND person_id = ANY(:people) GROUP BY course_id")
			.param("courses", courses.stream().map(CourseId::value).toList())
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.query((ResultSet rs) -> {
				counts.put(new CourseId(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	private static ReactionScore sum(ReactionScore a, ReactionScore b) {
		return new ReactionScore(a.helpful() + b.helpful(), a.unclear() + b.unclear(), a.outdated() + b.outdated());
	}

	public Optional<StoredRequest> openRequest(PersonId person, String lessonId) {
		return jdbc.sql(REQUEST_COLUMNS + "WHERE person_id = ? AND lesson_id = ? AND status = 'OPEN'")
			.params(person.value(), lessonId)
			.query(this::mapStored)
			.optional();
	}

	/** The learner's newest request on a lesson, whatever its state. */
	public Optional<ImprovementRequest> latestRequest(PersonId person, String lessonId) {
		return jdbc.sql(REQUEST_COLUMNS + "WHERE person_id = ? AND lesson_id = ? ORDER BY created_at DESC, id LIMIT 1")
			.params(person.value(), lessonId)
			.query(this::mapStored)
			.optional()
			.map(StoredRequest::request);
	}

	public Optional<StoredRequest> request(String id) {
		return jdbc.sql(REQUEST_COLUMNS + "WHERE id = ?").param(id).query(this::mapStored).optional();
	}

	public String openRequest(PersonId person, CourseId course, String lessonId, String lessonTitle, int version,
			ReactionKind kind, String comment, Instant at) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO improvement_requests (id, course_id, lesson_id, lesson_title, version, person_id, kind, "
				+ "comment, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(id, course.value(), lessonId, lessonTitle, version, person.value(), kind.name(), comment,
					Timestamp.from(at), Timestamp.from(at))
			.update();
		return id;
	}

	public void changeRequest(String id, ReactionKind kind, String comment, Instant at) {
		jdbc.sql("UPDATE improvement_requests SET kind = ?, comment = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'")
			.params(kind.name(), comment, Timestamp.from(at), id)
			.update();
	}

	public void withdraw(String id, Instant at) {
		jdbc.sql("UPDATE improvement_requests SET status = 'WITHDRAWN', updated_at = ? WHERE id = ? AND status = 'OPEN'")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** Resolves an open request; false when it was not open (already answered, or withdrawn). */
	public boolean resolve(String id, String reply, PersonId by, Instant at) {
		return jdbc.sql("UPDATE improvement_requests SET status = 'RESOLVED', reply = ?, resolved_by = ?, resolved_at = ?, "
				+ "updated_at = ? WHERE id = ? AND status = 'OPEN'")
			.params(reply, by.value(), Timestamp.from(at), Timestamp.from(at), id)
			.update() == 1;
	}

	/**
	 * Requests on the given courses (all courses when {@code courses} is null), open ones first and then newest
	 * first, at most {@code limit}.
	 */
	public List<ImprovementRequest> requests(Collection<CourseId> courses, Collection<ImprovementRequest.Status> statuses,
			int limit) {
		if ((courses != null && courses.isEmpty()) || statuses.isEmpty()) {
			return List.of();
		}
		var sql = jdbc.sql(REQUEST_COLUMNS + "WHERE status IN (:statuses)" + (courses == null ? "" : " AND course_id IN (:courses)")
				+ " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, created_at DESC, id LIMIT :limit")
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", limit);
		if (courses != null) {
			sql = sql.param("courses", courses.stream().map(CourseId::value).toList());
		}
		return sql.query(this::mapStored).list().stream().map(StoredRequest::request).toList();
	}

	public Map<CourseId, Integer> openCounts(Collection<CourseId> courses) {
		Map<CourseId, Integer> counts = new HashMap<>();
		if (courses.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT course_id, COUNT(*) FROM improvement_requests WHERE status = 'OPEN' AND course_id IN (:courses) GROUP BY course_id")
			.param("courses", courses.stream().map(CourseId::value).toList())
			.query((ResultSet rs) -> {
				counts.put(new CourseId(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	private static final String REQUEST_COLUMNS = "SELECT id, course_id, lesson_id, lesson_title, version, kind, comment, status, "
			+ "created_at, reply, resolved_at, person_id FROM improvement_requests ";

	private StoredRequest mapStored(ResultSet rs, int n) throws SQLException {
		Timestamp resolved = rs.getTimestamp(11);
		return new StoredRequest(new ImprovementRequest(rs.getString(1), new CourseId(rs.getString(2)), rs.getString(3),
				rs.getString(4), rs.getInt(5), ReactionKind.valueOf(rs.getString(6)), rs.getString(7),
				ImprovementRequest.Status.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(), rs.getString(10),
				resolved == null ? null : resolved.toInstant()), new PersonId(rs.getString(12)));
	}
}
