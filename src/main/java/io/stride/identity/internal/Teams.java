package io.stride.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.identity.Team;
import io.stride.identity.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Teams {

	private final JdbcClient jdbc;

	public Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Team> all() {
		return jdbc.sql("SELECT id, name, parent_id FROM teams ORDER BY LOWER(name), id")
			.query((rs, n) -> new Team(new TeamId(rs.getString(1)), rs.getString(2),
					rs.getString(3) == null ? null : new TeamId(rs.getString(3))))
			.list();
	}

	public Optional<Team> findById(TeamId id) {
		return all().stream().filter(team -> team.id().equals(id)).findFirst();
	}

	public boolean nameTaken(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM teams WHERE LOWER(name) = LOWER(?)").param(name.trim()).query(Integer.class).single() > 0;
	}

	public void insert(TeamId id, String name, TeamId parent) {
		jdbc.sql("INSERT INTO teams (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)")
			.params(id.value(), name.trim(), parent == null ? null : parent.value(), Timestamp.from(Instant.now()))
			.update();
	}
}
