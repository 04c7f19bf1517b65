package io.stride.rhythm.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A team's planning periods and the learning hours given to its people in each. */
@Repository
public class HoursRows {

	public record PeriodRow(String id, String teamId, String name, LocalDate startsOn, LocalDate endsOn, int revision) {
	}

	private static final String PERIOD = "SELECT id, team_id, name, starts_on, ends_on, revision FROM learning_periods ";

	private final JdbcClient jdbc;

	HoursRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The team's periods, latest first. */
	public List<PeriodRow> periods(String teamId) {
		return jdbc.sql(PERIOD + "WHERE team_id = ? ORDER BY starts_on DESC, id").param(teamId).query(HoursRows::period).list();
	}

	public Optional<PeriodRow> period(String id) {
		return jdbc.sql(PERIOD + "WHERE id = ?").param(id).query(HoursRows::period).optional();
	}

	/** The periods of these teams that {@code day} falls in, at most {@code limit}, by team. */
	public List<PeriodRow> current(List<String> teamIds, LocalDate day, int limit) {
		return jdbc.sql(PERIOD + "WHERE team_id = ANY(:teams) AND starts_on <= :day AND ends_on >= :day "
				+ "ORDER BY team_id, starts_on LIMIT :limit")
			.param("teams", SqlArrays.varchars(teamIds))
			.param("day", Date.valueOf(day))
			.param("limit", limit)
			.query(HoursRows::period)
			.list();
	}

	/** The team's periods sharing a day with {@code from} to {@code to}, but {@code except}. */
	public List<PeriodRow> overlapping(String teamId, LocalDate from, LocalDate to, String except) {
		return jdbc.sql(PERIOD + "WHERE team_id = ? AND starts_on <= ? AND ends_on >= ? AND id <> ? ORDER BY starts_on")
			.params(teamId, Date.valueOf(to), Date.valueOf(from), except == null ? "" : except)
			.query(HoursRows::period)
			.list();
	}

	public void insertPeriod(PeriodRow p, String by, Instant now) {
		jdbc.sql("INSERT INTO learning_periods (id, team_id, name, starts_on, ends_on, revision, created_by, created_at, "
				+ "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)")
			.params(p.id(), p.teamId(), p.name(), Date.valueOf(p.startsOn()), Date.valueOf(p.endsOn()), by,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Changes a period unless someone saved it after {@code revision}; answers whether it did. */
	public boolean updatePeriod(String id, int revision, String name, LocalDate startsOn, LocalDate endsOn, Instant now) {
		return jdbc.sql("UPDATE learning_periods SET name = ?, starts_on = ?, ends_on = ?, revision = revision + 1, "
				+ "updated_at = ? WHERE id = ? AND revision = ?")
			.params(name, Date.valueOf(startsOn), Date.valueOf(endsOn), Timestamp.from(now), id, revision)
			.update() == 1;
	}

	/** Counts a save of the period's hours, unless someone saved after {@code revision}; answers whether it did. */
	public boolean touchPeriod(String id, int revision, Instant now) {
		return jdbc.sql("UPDATE learning_periods SET revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?")
			.params(Timestamp.from(now), id, revision)
			.update() == 1;
	}

	/** Counts a save of the period whatever revision was read (and holds its row until the transaction ends). */
	public void touchPeriod(String id, Instant now) {
		jdbc.sql("UPDATE learning_periods SET revision = revision + 1, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/** One person's hours in a period, if given. */
	public Optional<BigDecimal> hours(String periodId, String personId) {
		return jdbc.sql("SELECT hours FROM learning_hours WHERE period_id = ? AND person_id = ?")
			.params(periodId, personId)
			.query(BigDecimal.class)
			.optional();
	}

	public void deletePeriod(String id) {
		// the period's row first, as everything that gives hours in it does (touchPeriod): no deadlock with them
		jdbc.sql("SELECT id FROM learning_periods WHERE id = ? FOR UPDATE").param(id).query(String.class).optional();
		jdbc.sql("DELETE FROM learning_hours WHERE period_id = ?").param(id).update();
		jdbc.sql("DELETE FROM learning_periods WHERE id = ?").param(id).update();
	}

	/** The hours given in a period, by person. */
	public Map<String, BigDecimal> hours(String periodId) {
		Map<String, BigDecimal> result = new HashMap<>();
		jdbc.sql("SELECT person_id, hours FROM learning_hours WHERE period_id = ?")
			.param(periodId)
			.query((rs, n) -> result.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return result;
	}

	/** The hours given in these periods: by period, then by person. One query for them all. */
	public Map<String, Map<String, BigDecimal>> hours(List<String> periodIds) {
		Map<String, Map<String, BigDecimal>> result = new HashMap<>();
		if (periodIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT period_id, person_id, hours FROM learning_hours WHERE period_id = ANY(:periods)")
			.param("periods", SqlArrays.varchars(periodIds))
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
				.put(rs.getString(2), rs.getBigDecimal(3)))
			.list();
		return result;
	}

	/** The most hours anyone has in the period (zero when none). */
	public BigDecimal mostHours(String periodId) {
		return jdbc.sql("SELECT COALESCE(MAX(hours), 0) FROM learning_hours WHERE period_id = ?")
			.param(periodId)
			.query(BigDecimal.class)
			.single();
	}

	/** Sets a person's hours in the period (none: removes them). */
	public void setHours(String periodId, String personId, BigDecimal hours, String by, Instant now) {
		jdbc.sql("DELETE FROM learning_hours WHERE period_id = ? AND person_id = ?").params(periodId, personId).update();
		if (hours != null) {
			jdbc.sql("INSERT INTO learning_hours (period_id, person_id, hours, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")
				.params(periodId, personId, hours, by, Timestamp.from(now))
				.update();
		}
	}

	private static PeriodRow period(ResultSet rs, int n) throws SQLException {
		return new PeriodRow(rs.getString("id"), rs.getString("team_id"), rs.getString("name"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getInt("revision"));
	}
}
