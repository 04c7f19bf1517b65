package io.stride.rhythm.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open interventions by due date (the interventions_by_owner and interventions_by_team indexes). */
@Repository
public class DueInterventionRows {

	private static final String SELECT = "SELECT id, session_id, team_id, kind, owner_id, description, due_on "
			+ "FROM interventions WHERE status = 'OPEN' AND due_on >= :from AND due_on <= :to AND ";

	private final JdbcClient jdbc;

	DueInterventionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(String id, String sessionId, String teamId, String kind, String ownerId, String description,
			LocalDate dueOn) {
	}

	public List<Row> addressedTo(String personId, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql(SELECT + "(owner_id = :owner OR person_id = :owner) ORDER BY due_on, id LIMIT :limit")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("owner", personId)
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	public List<Row> ofTeams(List<String> teamIds, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql(SELECT + "team_id = ANY(:teams) ORDER BY due_on, id LIMIT :limit")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("teams", SqlArrays.varchars(teamIds))
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getDate(7).toLocalDate());
	}
}
