package io.stride.rhythm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rituals as declared and edited, and their stored sessions. */
@Repository
public class RitualRows {

	private static final String RITUAL = "SELECT id, team_id, kind, name, cadence, first_starts_at, time_zone, "
			+ "duration_minutes, agenda_minutes, agenda_note, pre_read_hours, revision, retired_at FROM rituals";

	private static final String SESSION = "SELECT s.id, s.ritual_id, s.team_id, s.starts_at, s.status, s.notes, "
			+ "s.held_at, r.name, r.duration_minutes FROM ritual_sessions s JOIN rituals r ON r.id = s.ritual_id";

	private final JdbcClient jdbc;

	RitualRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(String id, String teamId, String kind, String name, String cadence, Instant firstStartsAt,
			String timeZone, int durationMinutes, int agendaMinutes, String agendaNote, int preReadHours, int revision,
			Instant retiredAt) {
	}

	public record SessionRow(String id, String ritualId, String teamId, Instant startsAt, String status, String notes,
			Instant heldAt, String ritualName, int durationMinutes) {
	}

	public List<Row> ofTeam(String teamId) {
		return jdbc.sql(RITUAL + " WHERE team_id = ? ORDER BY retired_at NULLS FIRST, name, id")
			.param(teamId)
			.query((rs, n) -> row(rs))
			.list();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(RITUAL + " WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	public void insert(Row r, String by, Instant now) {
		jdbc.sql("INSERT INTO rituals (id, team_id, kind, name, cadence, first_starts_at, time_zone, duration_minutes, "
				+ "agenda_minutes, agenda_note, pre_read_hours, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")
			.params(r.id(), r.teamId(), r.kind(), r.name(), r.cadence(), Timestamp.from(r.firstStartsAt()), r.timeZone(),
					r.durationMinutes(), r.agendaMinutes(), r.agendaNote(), r.preReadHours(), by, Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/** False when the ritual was saved after {@code revision} (or retired). */
	public boolean update(Row r, int revision, Instant now) {
		return jdbc.sql("UPDATE rituals SET kind = ?, name = ?, cadence = ?, first_starts_at = ?, time_zone = ?, "
				+ "duration_minutes = ?, agenda_minutes = ?, agenda_note = ?, pre_read_hours = ?, revision = revision + 1, "
				+ "updated_at = ? WHERE id = ? AND revision = ? AND retired_at IS NULL")
			.params(r.kind(), r.name(), r.cadence(), Timestamp.from(r.firstStartsAt()), r.timeZone(), r.durationMinutes(),
					r.agendaMinutes(), r.agendaNote(), r.preReadHours(), Timestamp.from(now), r.id(), revision)
			.update() == 1;
	}

	public boolean retire(String id, Instant now) {
		return jdbc.sql("UPDATE rituals SET retired_at = ?, revision = revision + 1, updated_at = ? "
				+ "WHERE id = ? AND retired_at IS NULL")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	public Optional<SessionRow> session(String id) {
		return jdbc.sql(SESSION + " WHERE s.id = ?").param(id).query((rs, n) -> session(rs)).optional();
	}

	/** The ritual's stored sessions, latest first, at most {@code limit}. */
	public List<SessionRow> sessionsOf(String ritualId, int limit) {
		return jdbc.sql(SESSION + " WHERE s.ritual_id = ? ORDER BY s.starts_at DESC LIMIT " + limit)
			.param(ritualId)
			.query((rs, n) -> session(rs))
			.list();
	}

	public String notes(String id) {
		return jdbc.sql("SELECT notes FROM ritual_sessions WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}

	public void saveNotes(String id, String notes) {
		jdbc.sql("UPDATE ritual_sessions SET notes = ? WHERE id = ?").params(notes, id).update();
	}

	public void mark(String id, String status, Instant heldAt) {
		jdbc.sql("UPDATE ritual_sessions SET status = ?, held_at = ? WHERE id = ?")
			.params(status, heldAt == null ? null : Timestamp.from(heldAt), id)
			.update();
	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp retired = rs.getTimestamp(13);
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
				rs.getInt(11), rs.getInt(12), retired == null ? null : retired.toInstant());
	}

	private static SessionRow session(ResultSet rs) throws SQLException {
		Timestamp held = rs.getTimestamp(7);
		return new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getString(5), rs.getString(6), held == null ? null : held.toInstant(), rs.getString(8), rs.getInt(9));
	}

	/**
	 * Forgets the ritual's meetings prepared for after {@code now} that nothing was recorded in (no notes, gaps,
	 * interventions or pre-read sent): once its schedule changes or it is retired, they would stay beside the new
	 * times as meetings that no longer take place.
	 */
	public int forgetEmptyFutureSessions(String ritualId, Instant now) {
		return jdbc.sql("DELETE FROM ritual_sessions s WHERE s.ritual_id = ? AND s.status = 'PLANNED' AND s.starts_at > ? "
				+ "AND s.notes = '' AND s.pre_read_sent_at IS NULL "
				+ "AND NOT EXISTS (SELECT 1 FROM session_gaps g WHERE g.session_id = s.id) "
				+ "AND NOT EXISTS (SELECT 1 FROM interventions i WHERE i.session_id = s.id)")
			.params(ritualId, Timestamp.from(now))
			.update();
	}
}
