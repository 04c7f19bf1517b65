package io.stride.rhythm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the schedule reads of rituals and their stored sessions. */
@Repository
public class ScheduleRows {

	private static final String RITUAL = "SELECT id, team_id, kind, name, cadence, first_starts_at, time_zone, "
			+ "duration_minutes, retired_at FROM rituals";

	private final JdbcClient jdbc;

	ScheduleRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record RitualRow(String id, String teamId, String kind, String name, String cadence, Instant firstStartsAt,
			String timeZone, int durationMinutes, Instant retiredAt) {
	}

	public record SessionRow(String id, String ritualId, Instant startsAt, String status) {
	}

	public List<RitualRow> rituals(List<String> teamIds) {
		return jdbc.sql(RITUAL + " WHERE team_id = ANY(:teams)")
			.param("teams", SqlArrays.varchars(teamIds))
			.query((rs, n) -> ritual(rs))
			.list();
	}

	public Optional<RitualRow> ritual(String id) {
		return jdbc.sql(RITUAL + " WHERE id = ?").param(id).query((rs, n) -> ritual(rs)).optional();
	}

	public List<SessionRow> sessions(List<String> teamIds, Instant from, Instant to) {
		return jdbc.sql("SELECT id, ritual_id, starts_at, status FROM ritual_sessions WHERE team_id = ANY(:teams) "
				+ "AND starts_at >= :from AND starts_at < :to")
			.param("teams", SqlArrays.varchars(teamIds))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new SessionRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4)))
			.list();
	}

	public Optional<String> session(String ritualId, Instant startsAt) {
		return jdbc.sql("SELECT id FROM ritual_sessions WHERE ritual_id = ? AND starts_at = ?")
			.params(ritualId, Timestamp.from(startsAt))
			.query(String.class)
			.optional();
	}

	/** Stores a PLANNED session (DuplicateKeyException when another was stored at once). */
	public String insertSession(String ritualId, String teamId, Instant startsAt, Instant now) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO ritual_sessions (id, ritual_id, team_id, starts_at, status, notes, created_at) "
				+ "VALUES (?, ?, ?, ?, 'PLANNED', '', ?)")
			.params(id, ritualId, teamId, Timestamp.from(startsAt), Timestamp.from(now))
			.update();
		return id;
	}

	private static RitualRow ritual(ResultSet rs) throws SQLException {
		Timestamp retired = rs.getTimestamp(9);
		return new RitualRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8), retired == null ? null : retired.toInstant());
	}
}
