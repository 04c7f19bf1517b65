package io.stride.capability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Teams' own coverage targets, and the coverage snapshots taken over time. */
@Repository
public class TargetStore {

	public record TargetRow(TeamId teamId, CapabilityId capabilityId, int levelRank, int minPeople) {
	}

	public record SnapshotRow(TeamId teamId, CapabilityId capabilityId, LocalDate takenOn, int levelRank, int target,
			int qualified, int members) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	TargetStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public List<TargetRow> forTeams(Collection<TeamId> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT team_id, capability_id, level_rank, min_people FROM capability_targets WHERE team_id IN (:teams)")
			.param("teams", teams.stream().map(TeamId::value).toList())
			.query(TargetStore::map)
			.list();
	}

	/** Every target of an active capability. */
	public List<TargetRow> all() {
		return jdbc.sql("SELECT t.team_id, t.capability_id, t.level_rank, t.min_people FROM capability_targets t "
				+ "JOIN capabilities c ON c.id = t.capability_id WHERE c.status = 'ACTIVE'")
			.query(TargetStore::map)
			.list();
	}

	/** Sets the team's own target; true when it replaced one. */
	public boolean set(TeamId team, CapabilityId capability, int levelRank, int minPeople, PersonId by, Instant at) {
		int updated = jdbc.sql("UPDATE capability_targets SET level_rank = ?, min_people = ?, set_by = ?, set_at = ? "
				+ "WHERE team_id = ? AND capability_id = ?")
			.params(levelRank, minPeople, by.value(), Timestamp.from(at), team.value(), capability.value())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO capability_targets (team_id, capability_id, level_rank, min_people, set_by, set_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(team.value(), capability.value(), levelRank, minPeople, by.value(), Timestamp.from(at))
				.update();
		}
		return updated > 0;
	}

	public boolean remove(TeamId team, CapabilityId capability) {
		return jdbc.sql("DELETE FROM capability_targets WHERE team_id = ? AND capability_id = ?")
			.params(team.value(), capability.value())
			.update() > 0;
	}

	/** Replaces the snapshots of the day for these teams. */
	public void snapshot(Collection<TeamId> teams, LocalDate day, List<SnapshotRow> rows) {
		List<String> ids = teams.stream().map(TeamId::value).toList();
		for (int from = 0; from < ids.size(); from += EvidenceLoader.CHUNK) {
			jdbc.sql("DELETE FROM capability_snapshots WHERE taken_on = :day AND team_id IN (:teams)")
				.param("day", day)
				.param("teams", ids.subList(from, Math.min(ids.size(), from + EvidenceLoader.CHUNK)))
				.update();
		}
		List<Object[]> args = new ArrayList<>(rows.size());
		for (SnapshotRow r : rows) {
			args.add(new Object[] { r.teamId().value(), r.capabilityId().value(), r.takenOn(), r.levelRank(), r.target(),
					r.qualified(), r.members() });
		}
		if (!args.isEmpty()) {
			template.batchUpdate("INSERT INTO capability_snapshots (team_id, capability_id, taken_on, level_rank, target, "
					+ "qualified, members) VALUES (?, ?, ?, ?, ?, ?, ?)", args);
		}
	}

	/** The team's snapshots from the day on, oldest first. */
	public List<SnapshotRow> snapshots(TeamId team, LocalDate from) {
		return jdbc.sql("SELECT team_id, capability_id, taken_on, level_rank, target, qualified, members "
				+ "FROM capability_snapshots WHERE team_id = ? AND taken_on >= ? ORDER BY taken_on, capability_id")
			.params(team.value(), from)
			.query((rs, n) -> new SnapshotRow(new TeamId(rs.getString(1)), new CapabilityId(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
			.list();
	}

	private static TargetRow map(ResultSet rs, int n) throws SQLException {
		return new TargetRow(new TeamId(rs.getString(1)), new CapabilityId(rs.getString(2)), rs.getInt(3), rs.getInt(4));
	}
}
