package io.stride.cycles.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.cycles.Period;
import io.stride.cycles.PriorityKind;
import io.stride.identity.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Periods and the priorities published in them, with the capabilities each links to. */
@Repository
public class StoredPriorities {

	/** A priority as stored; {@code teamId} null for the organization's. */
	public record Row(String id, Period period, TeamId teamId, PriorityKind kind, String title, String text,
			List<String> capabilityIds, int revision, String publishedBy, Instant publishedAt, Instant updatedAt,
			Instant retiredAt) {
	}

	private static final String SELECT = "SELECT p.id, p.team_id, p.kind, p.title, p.body, p.revision, p.published_by, "
			+ "p.published_at, p.updated_at, p.retired_at, d.id AS period_id, d.label, d.starts_on, d.ends_on "
			+ "FROM cycles_priorities p JOIN cycles_periods d ON d.id = p.period_id ";

	private final JdbcClient jdbc;

	StoredPriorities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Period> periods() {
		return jdbc.sql("SELECT id, label, starts_on, ends_on FROM cycles_periods ORDER BY starts_on DESC, label")
			.query((rs, n) -> period(rs, "id"))
			.list();
	}

	public void addPeriod(Period period, String by, Instant at) {
		jdbc.sql("INSERT INTO cycles_periods (id, label, starts_on, ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(period.id(), period.label(), period.startsOn(), period.endsOn(), by, Timestamp.from(at))
			.update();
	}

	/** The period's live priorities of the organization ({@code teams} empty) or of these teams. */
	public List<Row> live(String periodId, Collection<TeamId> teams) {
		List<Row> rows = teams.isEmpty()
				? jdbc.sql(SELECT + "WHERE p.period_id = ? AND p.team_id IS NULL AND p.retired_at IS NULL "
						+ "ORDER BY p.published_at, p.title, p.id").params(periodId).query(StoredPriorities::row).list()
				: jdbc.sql(SELECT + "WHERE p.period_id = :period AND p.team_id IN (:teams) AND p.retired_at IS NULL "
						+ "ORDER BY p.published_at, p.title, p.id")
					.param("period", periodId)
					.param("teams", teams.stream().map(TeamId::value).toList())
					.query(StoredPriorities::row)
					.list();
		return withCapabilities(rows);
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(SELECT + "WHERE p.id = ?").params(id).query(StoredPriorities::row).optional()
			.map(r -> withCapabilities(List.of(r)).get(0));
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO cycles_priorities (id, period_id, scope, team_id, kind, title, body, revision, published_by, "
				+ "published_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.period().id(), row.teamId() == null ? "ORGANIZATION" : "TEAM",
					row.teamId() == null ? null : row.teamId().value(), row.kind().name(), row.title(), row.text(),
					row.revision(), row.publishedBy(), Timestamp.from(row.publishedAt()), row.publishedBy(),
					Timestamp.from(row.updatedAt()))
			.update();
		link(row.id(), row.capabilityIds());
	}

	/** Saves an edit when nobody saved since {@code revision}; false otherwise (nothing is changed then). */
	public boolean update(String id, int revision, PriorityKind kind, String title, String text,
			List<String> capabilityIds, String by, Instant at) {
		int updated = jdbc.sql("UPDATE cycles_priorities SET kind = ?, title = ?, body = ?, revision = revision + 1, "
				+ "updated_by = ?, updated_at = ? WHERE id = ? AND revision = ? AND retired_at IS NULL")
			.params(kind.name(), title, text, by, Timestamp.from(at), id, revision)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM cycles_priority_capabilities WHERE priority_id = ?").params(id).update();
		link(id, capabilityIds);
		return true;
	}

	public boolean retire(String id, String by, Instant at) {
		return jdbc.sql("UPDATE cycles_priorities SET retired_at = ?, updated_by = ?, updated_at = ?, revision = revision + 1 "
				+ "WHERE id = ? AND retired_at IS NULL")
			.params(Timestamp.from(at), by, Timestamp.from(at), id)
			.update() > 0;
	}

	private void link(String id, List<String> capabilityIds) {
		for (String capability : capabilityIds) {
			jdbc.sql("INSERT INTO cycles_priority_capabilities (priority_id, capability_id) VALUES (?, ?)")
				.params(id, capability)
				.update();
		}
	}

	private List<Row> withCapabilities(List<Row> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<String, List<String>> links = new HashMap<>();
		jdbc.sql("SELECT priority_id, capability_id FROM cycles_priority_capabilities WHERE priority_id IN (:ids) "
				+ "ORDER BY capability_id")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs, n) -> links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return rows.stream()
			.map(r -> new Row(r.id(), r.period(), r.teamId(), r.kind(), r.title(), r.text(),
					links.getOrDefault(r.id(), List.of()), r.revision(), r.publishedBy(), r.publishedAt(), r.updatedAt(),
					r.retiredAt()))
			.toList();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String team = rs.getString("team_id");
		Timestamp retired = rs.getTimestamp("retired_at");
		return new Row(rs.getString("id"), period(rs, "period_id"), team == null ? null : new TeamId(team),
				PriorityKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"), List.of(),
				rs.getInt("revision"), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), retired == null ? null : retired.toInstant());
	}

	private static Period period(ResultSet rs, String idColumn) throws SQLException {
		return new Period(rs.getString(idColumn), rs.getString("label"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class));
	}
}
