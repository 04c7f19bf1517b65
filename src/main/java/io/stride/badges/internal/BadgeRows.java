package io.stride.badges.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** badge_definitions and badge_alignments, as plain rows (the module turns them into {@code Badge}s). */
@Repository
public class BadgeRows {

	public record Row(String id, String name, String description, String criteria, String kind, String capabilityId,
			Integer levelRank, Integer minValidatedGoals, String courseId, String status, int revision,
			String createdBy, Instant createdAt, Instant updatedAt, List<AlignmentRow> alignments) {
	}

	public record AlignmentRow(String capabilityId, int levelRank) {
	}

	private static final String COLUMNS = "SELECT id, name, description, criteria, kind, capability_id, level_rank, "
			+ "min_validated_goals, course_id, status, revision, created_by, created_at, updated_at FROM badge_definitions ";

	private final JdbcClient jdbc;

	BadgeRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO badge_definitions (id, name, description, criteria, kind, capability_id, level_rank, "
				+ "min_validated_goals, course_id, status, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.name(), row.description(), row.criteria(), row.kind(), row.capabilityId(),
					row.levelRank(), row.minValidatedGoals(), row.courseId(), row.status(), row.revision(),
					row.createdBy(), Timestamp.from(row.createdAt()), Timestamp.from(row.updatedAt()))
			.update();
		insertAlignments(row);
	}

	/** Saves the row if {@code expectedRevision} is still current; false when someone saved first. */
	public boolean update(Row row, int expectedRevision) {
		int changed = jdbc.sql("UPDATE badge_definitions SET name = ?, description = ?, criteria = ?, kind = ?, "
				+ "capability_id = ?, level_rank = ?, min_validated_goals = ?, course_id = ?, status = ?, revision = ?, "
				+ "updated_at = ? WHERE id = ? AND revision = ?")
			.params(row.name(), row.description(), row.criteria(), row.kind(), row.capabilityId(), row.levelRank(),
					row.minValidatedGoals(), row.courseId(), row.status(), row.revision(), Timestamp.from(row.updatedAt()),
					row.id(), expectedRevision)
			.update();
		if (changed == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM badge_alignments WHERE badge_id = ?").param(row.id()).update();
		insertAlignments(row);
		return true;
	}

	public Optional<Row> find(String id) {
		return withAlignments(jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(BadgeRows::map).list()).stream().findFirst();
	}

	/** The definition, locked until the transaction ends: issuing to one person at a time per badge. */
	public Optional<Row> lock(String id) {
		// without its alignments: issuing does not need them
		return jdbc.sql(COLUMNS + "WHERE id = ? FOR UPDATE").param(id).query(BadgeRows::map).optional();
	}

	public List<Row> all() {
		return withAlignments(jdbc.sql(COLUMNS + "ORDER BY name, id").query(BadgeRows::map).list());
	}

	/** Active definitions of a kind naming the capability or course ({@code column}: capability_id or course_id). */
	public List<Row> activeOfKind(String kind, String column, String value) {
		return ofKind(kind, column, value, true);
	}

	/**
	 * Definitions of a kind, retired ones too: a retired badge issues no more, but the credentials it issued are still
	 * revoked when their evidence goes.
	 */
	public List<Row> ofKind(String kind, String column, String value, boolean activeOnly) {
		if (!column.equals("capability_id") && !column.equals("course_id")) {
			throw new IllegalArgumentException(column);
		}
		String where = value == null ? "" : "AND " + column + " = :value ";
		var spec = jdbc.sql(COLUMNS + "WHERE " + (activeOnly ? "status = 'ACTIVE' AND " : "") + "kind = :kind " + where
				+ "ORDER BY id").param("kind", kind);
		if (value != null) {
			spec = spec.param("value", value);
		}
		return withAlignments(spec.query(BadgeRows::map).list());
	}

	private void insertAlignments(Row row) {
		for (AlignmentRow a : row.alignments()) {
			jdbc.sql("INSERT INTO badge_alignments (badge_id, capability_id, level_rank) VALUES (?, ?, ?)")
				.params(row.id(), a.capabilityId(), a.levelRank())
				.update();
		}
	}

	private List<Row> withAlignments(List<Row> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<String, List<AlignmentRow>> byBadge = new HashMap<>();
		jdbc.sql("SELECT badge_id, capability_id, level_rank FROM badge_alignments WHERE badge_id IN (:ids) "
				+ "ORDER BY capability_id")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(rs -> {
				byBadge.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new AlignmentRow(rs.getString(2), rs.getInt(3)));
			});
		return rows.stream()
			.map(r -> new Row(r.id(), r.name(), r.description(), r.criteria(), r.kind(), r.capabilityId(), r.levelRank(),
					r.minValidatedGoals(), r.courseId(), r.status(), r.revision(), r.createdBy(), r.createdAt(),
					r.updatedAt(), List.copyOf(byBadge.getOrDefault(r.id(), List.of()))))
			.toList();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), (Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class),
				rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
				rs.getTimestamp(14).toInstant(), List.of());
	}
}
