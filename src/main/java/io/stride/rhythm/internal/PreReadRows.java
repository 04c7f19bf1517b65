package io.stride.rhythm.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What pre-reads and the ritual history read of rituals, sessions, gaps and interventions (written by the rituals'
 * own services); the only write is marking a pre-read sent, once.
 */
@Repository
public class PreReadRows {

	private static final String SESSION = "SELECT s.id, s.ritual_id, s.team_id, s.starts_at, s.status, s.pre_read_sent_at, "
			+ "r.name, r.kind, r.pre_read_hours, r.retired_at FROM ritual_sessions s JOIN rituals r ON r.id = s.ritual_id";

	private final JdbcClient jdbc;

	PreReadRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record SessionRow(String id, String ritualId, String teamId, Instant startsAt, String status,
			Instant preReadSentAt, String ritualName, String ritualKind, int preReadHours) {
	}

	public record RitualRow(String id, String teamId, String name, String kind, int preReadHours, Instant retiredAt) {
	}

	public record GapRow(String id, String sessionId, String capabilityId, String note, List<String> people) {
	}

	public record InterventionRow(String id, String sessionId, int position, String kind, String capabilityId,
			String ownerId, LocalDate dueOn, String metricId, String description, String courseId, String personId,
			BigDecimal hours, String status, Instant doneAt, Integer holdersBefore, BigDecimal metricBefore,
			Instant createdAt) {
	}

	public Optional<SessionRow> session(String id) {
		return jdbc.sql(SESSION + " WHERE s.id = ?").param(id).query((rs, n) -> session(rs)).optional();
	}

	/**
	 * The ritual's last session held before {@code before}: the one whose interventions the pre-read reviews (a
	 * meeting prepared or skipped since recorded none, and would leave the review empty).
	 */
	public Optional<SessionRow> previous(String ritualId, Instant before) {
		return jdbc.sql(SESSION + " WHERE s.ritual_id = ? AND s.starts_at < ? AND s.status = 'HELD' "
				+ "ORDER BY s.starts_at DESC FETCH FIRST 1 ROWS ONLY")
			.params(ritualId, Timestamp.from(before))
			.query((rs, n) -> session(rs))
			.stream()
			.findFirst();
	}

	public Optional<RitualRow> ritual(String id) {
		return jdbc.sql("SELECT id, team_id, name, kind, pre_read_hours, retired_at FROM rituals WHERE id = ?")
			.param(id)
			.query((rs, n) -> ritual(rs))
			.optional();
	}

	/** Rituals not retired, for the pre-read job. */
	public List<RitualRow> activeRituals() {
		return jdbc.sql("SELECT id, team_id, name, kind, pre_read_hours, retired_at FROM rituals WHERE retired_at IS NULL")
			.query((rs, n) -> ritual(rs))
			.list();
	}

	/** A page of the stored sessions of these rituals, newest first, and how many there are in all. */
	public List<SessionRow> sessionsOf(List<String> ritualIds, int offset, int limit) {
		if (ritualIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SESSION + " WHERE s.ritual_id = ANY(:rituals) ORDER BY s.starts_at DESC, s.id "
				+ "LIMIT :limit OFFSET :offset")
			.param("rituals", SqlArrays.varchars(ritualIds))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> session(rs))
			.list();
	}

	public long countSessionsOf(List<String> ritualIds) {
		if (ritualIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM ritual_sessions WHERE ritual_id = ANY(:rituals)")
			.param("rituals", SqlArrays.varchars(ritualIds))
			.query(Long.class)
			.single();
	}

	public List<RitualRow> ritualsOfTeam(String teamId) {
		return jdbc.sql("SELECT id, team_id, name, kind, pre_read_hours, retired_at FROM rituals WHERE team_id = ? "
				+ "ORDER BY name, id")
			.param(teamId)
			.query((rs, n) -> ritual(rs))
			.list();
	}

	/** The gaps of these sessions with the people named on each, in the order they were recorded. */
	public List<GapRow> gaps(List<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return List.of();
		}
		Map<String, GapRow> gaps = new LinkedHashMap<>();
		jdbc.sql("SELECT id, session_id, capability_id, note FROM session_gaps WHERE session_id = ANY(:sessions) "
				+ "ORDER BY created_at, id")
			.param("sessions", SqlArrays.varchars(sessionIds))
			.query((rs, n) -> new GapRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					new ArrayList<>()))
			.list()
			.forEach(g -> gaps.put(g.id(), g));
		if (!gaps.isEmpty()) {
			jdbc.sql("SELECT gap_id, person_id FROM session_gap_people WHERE gap_id = ANY(:gaps) ORDER BY person_id")
				.param("gaps", SqlArrays.varchars(List.copyOf(gaps.keySet())))
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.list()
				.forEach(p -> gaps.get(p[0]).people().add(p[1]));
		}
		return List.copyOf(gaps.values());
	}

	/** The interventions of these sessions, by session and position. */
	public List<InterventionRow> interventions(List<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, session_id, position, kind, capability_id, owner_id, due_on, metric_id, description, "
				+ "course_id, person_id, hours, status, done_at, holders_before, metric_before, created_at "
				+ "FROM interventions WHERE session_id = ANY(:sessions) ORDER BY session_id, position")
			.param("sessions", SqlArrays.varchars(sessionIds))
			.query((rs, n) -> intervention(rs))
			.list();
	}

	/** Marks the session's pre-read sent; false when it was sent already (by another node or run). */
	public boolean markSent(String sessionId, Instant at) {
		return jdbc.sql("UPDATE ritual_sessions SET pre_read_sent_at = ? WHERE id = ? AND pre_read_sent_at IS NULL")
			.params(Timestamp.from(at), sessionId)
			.update() == 1;
	}

	private static SessionRow session(ResultSet rs) throws SQLException {
		return new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8), rs.getInt(9));
	}

	private static RitualRow ritual(ResultSet rs) throws SQLException {
		return new RitualRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				instant(rs.getTimestamp(6)));
	}

	private static InterventionRow intervention(ResultSet rs) throws SQLException {
		int holders = rs.getInt("holders_before");
		Integer holdersBefore = rs.wasNull() ? null : holders;
		Date due = rs.getDate("due_on");
		return new InterventionRow(rs.getString("id"), rs.getString("session_id"), rs.getInt("position"),
				rs.getString("kind"), rs.getString("capability_id"), rs.getString("owner_id"),
				due == null ? null : due.toLocalDate(), rs.getString("metric_id"), rs.getString("description"),
				rs.getString("course_id"), rs.getString("person_id"), rs.getBigDecimal("hours"), rs.getString("status"),
				instant(rs.getTimestamp("done_at")), holdersBefore, rs.getBigDecimal("metric_before"),
				instant(rs.getTimestamp("created_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
