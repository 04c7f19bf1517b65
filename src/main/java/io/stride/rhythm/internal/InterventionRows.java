package io.stride.rhythm.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A session's skill gaps (with the people who need deeper exposure) and its capability interventions. */
@Repository
public class InterventionRows {

	private static final String INTERVENTION = "SELECT i.id, i.session_id, i.team_id, i.position, i.kind, "
			+ "i.capability_id, i.owner_id, i.due_on, i.metric_id, i.description, i.course_id, i.person_id, i.hours, "
			+ "i.commission_id, i.status, i.done_at, i.holders_before, i.metric_before, i.revision, i.task_id, i.answer, "
			+ "r.name, s.starts_at FROM interventions i JOIN ritual_sessions s ON s.id = i.session_id "
			+ "JOIN rituals r ON r.id = s.ritual_id";

	private final JdbcClient jdbc;

	InterventionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record GapRow(String id, String sessionId, String capabilityId, String note, List<String> personIds) {
	}

	/** {@code ritualName}, {@code sessionStartsAt}: of the session that recorded it. */
	public record Row(String id, String sessionId, String teamId, int position, String kind, String capabilityId,
			String ownerId, LocalDate dueOn, String metricId, String description, String courseId, String personId,
			BigDecimal hours, String commissionId, String status, Instant doneAt, Integer holdersBefore,
			BigDecimal metricBefore, int revision, String taskId, String answer, String ritualName,
			Instant sessionStartsAt) {
	}

	// --- gaps ---

	public List<GapRow> gaps(String sessionId) {
		List<String[]> gaps = jdbc.sql("SELECT id, capability_id, note FROM session_gaps WHERE session_id = ? "
				+ "ORDER BY created_at, id")
			.param(sessionId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		if (gaps.isEmpty()) {
			return List.of();
		}
		Map<String, List<String>> people = new HashMap<>();
		jdbc.sql("SELECT p.gap_id, p.person_id FROM session_gap_people p JOIN session_gaps g ON g.id = p.gap_id "
				+ "WHERE g.session_id = ? ORDER BY p.person_id")
			.param(sessionId)
			.query((rs, n) -> people.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return gaps.stream()
			.map(g -> new GapRow(g[0], sessionId, g[1], g[2], List.copyOf(people.getOrDefault(g[0], List.of()))))
			.toList();
	}

	/**
	 * Holds the session's row until the transaction ends, so that two gaps recorded at once are counted one after the
	 * other (the limit per session holds); false when there is no such session.
	 */
	public boolean lockSession(String sessionId) {
		return jdbc.sql("SELECT id FROM ritual_sessions WHERE id = ? FOR UPDATE")
			.param(sessionId)
			.query(String.class)
			.optional()
			.isPresent();
	}

	public int gapCount(String sessionId) {
		return jdbc.sql("SELECT COUNT(*) FROM session_gaps WHERE session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	public void insertGap(String id, String sessionId, String capabilityId, String note, List<String> personIds,
			String by, Instant now) {
		jdbc.sql("INSERT INTO session_gaps (id, session_id, capability_id, note, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, sessionId, capabilityId, note, by, Timestamp.from(now))
			.update();
		for (String person : personIds) {
			jdbc.sql("INSERT INTO session_gap_people (gap_id, person_id) VALUES (?, ?)").params(id, person).update();
		}
	}

	public boolean deleteGap(String sessionId, String gapId) {
		jdbc.sql("DELETE FROM session_gap_people WHERE gap_id = ? AND gap_id IN "
				+ "(SELECT id FROM session_gaps WHERE session_id = ?)").params(gapId, sessionId).update();
		return jdbc.sql("DELETE FROM session_gaps WHERE id = ? AND session_id = ?").params(gapId, sessionId).update() == 1;
	}

	// --- interventions ---

	public List<Row> ofSession(String sessionId) {
		return jdbc.sql(INTERVENTION + " WHERE i.session_id = ? ORDER BY i.position")
			.param(sessionId)
			.query((rs, n) -> row(rs))
			.list();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(INTERVENTION + " WHERE i.id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** Those owned by or naming the person: open ones first (by due date), then the latest others; at most limit. */
	public List<Row> addressedTo(String personId, int limit) {
		return jdbc.sql(INTERVENTION + " WHERE i.owner_id = :p OR i.person_id = :p ORDER BY CASE WHEN i.status = 'OPEN' "
				+ "THEN 0 ELSE 1 END, i.due_on, i.id LIMIT " + limit)
			.param("p", personId)
			.query((rs, n) -> row(rs))
			.list();
	}

	public List<Integer> positions(String sessionId) {
		return jdbc.sql("SELECT position FROM interventions WHERE session_id = ? ORDER BY position")
			.param(sessionId)
			.query(Integer.class)
			.list();
	}

	/** DuplicateKeyException when another took the position meanwhile. */
	public void insert(Row r, String by, Instant now) {
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "metric_id, description, course_id, person_id, hours, status, holders_before, metric_before, revision, "
				+ "task_id, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 1, ?, ?, ?, ?)")
			.params(r.id(), r.sessionId(), r.teamId(), r.position(), r.kind(), r.capabilityId(), r.ownerId(),
					Date.valueOf(r.dueOn()), r.metricId(), r.description(), r.courseId(), r.personId(), r.hours(),
					r.holdersBefore(), r.metricBefore(), r.taskId(), by, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Edits what may change after recording; false when saved after {@code revision}. */
	public boolean update(String id, int revision, String ownerId, LocalDate dueOn, String metricId,
			String description, String personId, BigDecimal hours, Instant now) {
		return jdbc.sql("UPDATE interventions SET owner_id = ?, due_on = ?, metric_id = ?, description = ?, "
				+ "person_id = ?, hours = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?")
			.params(ownerId, Date.valueOf(dueOn), metricId, description, personId, hours, Timestamp.from(now), id,
					revision)
			.update() == 1;
	}

	/** OPEN to DONE or DROPPED (with the person's answer to a proposal, or null); false when stale or not open. */
	public boolean close(String id, Integer revision, String status, String answer, Instant now) {
		return jdbc.sql("UPDATE interventions SET status = ?, answer = COALESCE(?, answer), done_at = ?, "
				+ "revision = revision + 1, updated_at = ? WHERE id = ? AND status = 'OPEN'"
				+ (revision == null ? "" : " AND revision = " + revision.intValue()))
			.params(status, answer, Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	/** The learning period an ALLOCATE_HOURS intervention put its hours into, if any. */
	public Optional<String> hoursPeriod(String id) {
		return jdbc.sql("SELECT hours_period_id FROM interventions WHERE id = ? AND hours_period_id IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	public void setHoursPeriod(String id, String periodId) {
		jdbc.sql("UPDATE interventions SET hours_period_id = ? WHERE id = ?").params(periodId, id).update();
	}

	/** Deletes it as it was read (its revision), while still open: false when gone or changed meanwhile. */
	public boolean delete(String id, int revision) {
		return jdbc.sql("DELETE FROM interventions WHERE id = ? AND revision = ? AND status = 'OPEN' "
				+ "AND commission_id IS NULL")
			.params(id, revision)
			.update() == 1;
	}

	public void linkCommission(String id, String commissionId, Instant now) {
		jdbc.sql("UPDATE interventions SET commission_id = ?, revision = revision + 1, updated_at = ? WHERE id = ? "
				+ "AND kind = 'COMMISSION_MODULE'")
			.params(commissionId, Timestamp.from(now), id)
			.update();
	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp done = rs.getTimestamp(16);
		int holders = rs.getInt(17);
		Integer holdersBefore = rs.wasNull() ? null : holders;
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
				rs.getString(11), rs.getString(12), rs.getBigDecimal(13), rs.getString(14), rs.getString(15),
				done == null ? null : done.toInstant(), holdersBefore, rs.getBigDecimal(18), rs.getInt(19),
				rs.getString(20), rs.getString(21), rs.getString(22), rs.getTimestamp(23).toInstant());
	}
}
