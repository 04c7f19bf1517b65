package io.stride.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.identity.Team;
import io.stride.identity.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The teams table. Within one transaction the list of teams is read once: a coverage page or a contract asks for the
 * team tree several times (ancestors, descendants, names), and an organization of 100,000 people has thousands of
 * teams. Outside a transaction every call reads the table; an insert forgets the transaction's copy.
 */
@Repository
public class Teams {

	private final JdbcClient jdbc;

	public Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Team> all() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return read();
		}
		Object held = TransactionSynchronizationManager.getResource(this);
		if (held instanceof Memo memo) {
			return memo.teams;
		}
		List<Team> teams = List.copyOf(read());
		TransactionSynchronizationManager.bindResource(this, new Memo(teams));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				forget();
			}
		});
		return teams;
	}

	private void forget() {
		if (TransactionSynchronizationManager.hasResource(this)) {
			TransactionSynchronizationManager.unbindResource(this);
		}
	}

	private record Memo(List<Team> teams) {
	}

	private List<Team> read() {
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

	public Optional<Team> findByName(String name) {
		return all().stream().filter(team -> team.name().equalsIgnoreCase(name.trim())).findFirst();
	}

	public boolean nameTaken(String name, TeamId except) {
		return jdbc.sql("SELECT COUNT(*) FROM teams WHERE LOWER(name) = LOWER(?) AND id <> ?")
			.params(name.trim(), except.value())
			.query(Integer.class)
			.single() > 0;
	}

	public void rename(TeamId id, String name) {
		forget();
		jdbc.sql("UPDATE teams SET name = ? WHERE id = ?").params(name.trim(), id.value()).update();
	}

	public void insert(TeamId id, String name, TeamId parent) {
		forget();
		jdbc.sql("INSERT INTO teams (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)")
			.params(id.value(), name.trim(), parent == null ? null : parent.value(), Timestamp.from(Instant.now()))
			.update();
	}
}
