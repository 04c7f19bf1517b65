package io.stride.rhythm.internal;

import java.time.LocalDate;
import java.util.List;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the manager's home reads of interventions: bounded, read-only. */
@Repository
public class HomeRows {

	private final JdbcClient jdbc;

	HomeRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record OpenIntervention(String id, String sessionId, String teamId, int position, String kind,
			String capabilityId, String ownerId, LocalDate dueOn, String description) {
	}

	/**
	 * The open interventions recorded at any session of the ritual, soonest due first, at most {@code limit}: what
	 * its next meeting reviews.
	 */
	public List<OpenIntervention> openOfRitual(String teamId, String ritualId, int limit) {
		return jdbc.sql("SELECT i.id, i.session_id, i.team_id, i.position, i.kind, i.capability_id, i.owner_id, i.due_on, "
				+ "i.description FROM interventions i JOIN ritual_sessions s ON s.id = i.session_id "
				+ "WHERE i.team_id = :team AND i.status = 'OPEN' AND s.ritual_id = :ritual "
				+ "ORDER BY i.due_on, s.starts_at, i.position, i.id LIMIT :limit")
			.param("team", teamId)
			.param("ritual", ritualId)
			.param("limit", limit)
			.query((rs, n) -> new OpenIntervention(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9)))
			.list();
	}

	/** How many interventions of these teams are still open. */
	public int openCount(List<String> teamIds) {
		if (teamIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM interventions WHERE team_id = ANY(:teams) AND status = 'OPEN'")
			.param("teams", SqlArrays.varchars(teamIds))
			.query(Integer.class)
			.single();
	}
}
