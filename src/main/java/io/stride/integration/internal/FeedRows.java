package io.stride.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendar feeds: whose they are and the hash of their token. */
@Repository
public class FeedRows {

	private static final String SELECT = "SELECT id, person_id, team_id, created_by, created_at FROM calendar_feeds";

	private final JdbcClient jdbc;

	FeedRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(String id, String personId, String teamId, String createdBy, Instant createdAt) {
	}

	/**
	 * Adds a live feed; a DuplicateKeyException when the person or team has one already (live_key is unique), as when
	 * another request made one at the same time.
	 */
	public void insert(String id, String tokenHash, String personId, String teamId, String createdBy, Instant at) {
		jdbc.sql("INSERT INTO calendar_feeds (id, token_hash, person_id, team_id, created_by, created_at, live_key) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, tokenHash, personId, teamId, createdBy, Timestamp.from(at),
					personId != null ? "P:" + personId : "T:" + teamId)
			.update();
	}

	/** The live feed the token opens. */
	public Optional<Row> byToken(String tokenHash) {
		return jdbc.sql(SELECT + " WHERE token_hash = ? AND revoked_at IS NULL").param(tokenHash).query((rs, n) -> row(rs)).optional();
	}

	public Optional<Row> live(String id) {
		return jdbc.sql(SELECT + " WHERE id = ? AND revoked_at IS NULL").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** The live feeds of the person and of these teams. */
	public List<Row> liveOf(String personId, List<String> teamIds) {
		return jdbc.sql(SELECT + " WHERE revoked_at IS NULL AND (person_id = :person OR team_id = ANY(:teams)) "
				+ "ORDER BY team_id NULLS FIRST, created_at")
			.param("person", personId)
			.param("teams", SqlArrays.varchars(teamIds))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Every live team feed (admins). */
	public List<Row> liveOfPersonAndAllTeams(String personId, int limit) {
		return jdbc.sql(SELECT + " WHERE revoked_at IS NULL AND (person_id = ? OR team_id IS NOT NULL) "
				+ "ORDER BY team_id NULLS FIRST, created_at LIMIT ?")
			.params(personId, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	public void revoke(String id, Instant at) {
		jdbc.sql("UPDATE calendar_feeds SET revoked_at = ?, live_key = NULL WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** Revokes the person's own feed, or the team's when {@code teamId} is given. */
	public void revokeLiveOf(String personId, String teamId, Instant at) {
		if (teamId != null) {
			jdbc.sql("UPDATE calendar_feeds SET revoked_at = ?, live_key = NULL WHERE team_id = ? AND revoked_at IS NULL")
				.params(Timestamp.from(at), teamId)
				.update();
		}
		else {
			jdbc.sql("UPDATE calendar_feeds SET revoked_at = ?, live_key = NULL WHERE person_id = ? AND revoked_at IS NULL")
				.params(Timestamp.from(at), personId)
				.update();
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());
	}
}
