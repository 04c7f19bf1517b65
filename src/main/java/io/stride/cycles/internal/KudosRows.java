package io.stride.cycles.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.cycles.GoalId;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kudos table. */
@Repository
public class KudosRows {

	public record Row(String id, PersonId from, String fromName, PersonId to, String message, CourseId courseId,
			Instant at, GoalId goalId) {
	}

	private static final String COLUMNS = "SELECT id, from_person, from_name, to_person, message, course_id, created_at, goal_id FROM kudos ";

	private final JdbcClient jdbc;

	public KudosRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO kudos (id, from_person, from_name, to_person, message, course_id, goal_id, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.from().value(), row.fromName(), row.to().value(), row.message(),
					row.courseId() == null ? null : row.courseId().value(),
					row.goalId() == null ? null : row.goalId().value(), Timestamp.from(row.at()))
			.update();
	}

	public int givenSince(PersonId from, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM kudos WHERE from_person = ? AND created_at >= ?")
			.params(from.value(), Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/** Kudos received by these people, newest first, one page of {@code limit} from {@code offset}. */
	public List<Row> receivedBy(Collection<PersonId> people, int offset, int limit) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE to_person = ANY(:people) ORDER BY created_at DESC, id DESC "
				+ "OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getString(1), new PersonId(rs.getString(2)), rs.getString(3),
					new PersonId(rs.getString(4)), rs.getString(5),
					rs.getString(6) == null ? null : new CourseId(rs.getString(6)), rs.getTimestamp(7).toInstant(),
					rs.getString(8) == null ? null : new GoalId(rs.getString(8))))
			.list();
	}

	/** Kudos each of these people received from {@code from} (inclusive) until {@code until}; none: absent. */
	public Map<PersonId, Integer> receivedCounts(Collection<PersonId> people, Instant from, Instant until) {
		Map<PersonId, Integer> counts = new HashMap<>();
		if (people.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT to_person, COUNT(*) FROM kudos WHERE to_person = ANY(:people) AND created_at >= :from "
				+ "AND created_at < :until GROUP BY to_person")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query(rs -> {
				counts.put(new PersonId(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}
}
