package io.stride.capability.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityStatus;
import io.stride.capability.EvidenceRule;
import io.stride.capability.Level;
import io.stride.capability.RuleKind;
import io.stride.identity.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Capabilities with their levels and rules. Rule labels are filled in by the catalogue service (they need course
 * and task names); the store leaves them null.
 */
@Repository
public class CatalogueStore {

	private static final String COLUMNS = "c.id, c.name, c.description, c.category, c.owner_team_id, c.validity_months, "
			+ "c.status, c.merged_into, c.revision";

	private final JdbcClient jdbc;

	public CatalogueStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Capability> find(CapabilityId id) {
		return byIds(List.of(id)).values().stream().findFirst();
	}

	/** The capabilities with these ids that exist, in name order. */
	public Map<CapabilityId, Capability> byIds(Collection<CapabilityId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return load(jdbc.sql("SELECT " + COLUMNS + " FROM capabilities c WHERE c.id IN (:ids) ORDER BY LOWER(c.name), c.id")
			.param("ids", ids.stream().map(CapabilityId::value).toList())
			.query(this::header)
			.list());
	}

	/** Every active capability, in name order. */
	public List<Capability> active() {
		return List.copyOf(load(jdbc.sql("SELECT " + COLUMNS + " FROM capabilities c WHERE c.status = 'ACTIVE' ORDER BY LOWER(c.name), c.id")
			.query(this::header)
			.list()).values());
	}

	/** Active capabilities with a rule on any of these courses. */
	public List<CapabilityId> referencingCourses(Collection<CourseId> courses) {
		if (courses.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT r.capability_id FROM capability_rules r JOIN capabilities c ON c.id = r.capability_id "
				+ "WHERE c.status = 'ACTIVE' AND r.course_id IN (:ids)")
			.param("ids", courses.stream().map(CourseId::value).toList())
			.query((rs, n) -> new CapabilityId(rs.getString(1)))
			.list();
	}

	/** Active capabilities with a rule on any of these checklist tasks. */
	public List<CapabilityId> referencingTasks(Collection<String> tasks) {
		if (tasks.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT r.capability_id FROM capability_rules r JOIN capabilities c ON c.id = r.capability_id "
				+ "WHERE c.status = 'ACTIVE' AND r.task_id IN (:ids)")
			.param("ids", List.copyOf(tasks))
			.query((rs, n) -> new CapabilityId(rs.getString(1)))
			.list();
	}

	private Capability header(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		int validity = rs.getInt(6);
		Integer months = rs.wasNull() ? null : validity;
		return new Capability(new CapabilityId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5) == null ? null : new TeamId(rs.getString(5)), null, months,
				CapabilityStatus.valueOf(rs.getString(7)), rs.getString(8) == null ? null : new CapabilityId(rs.getString(8)),
				rs.getInt(9), List.of(), List.of());
	}

	private Map<CapabilityId, Capability> load(List<Capability> headers) {
		Map<CapabilityId, Capability> result = new LinkedHashMap<>();
		if (headers.isEmpty()) {
			return result;
		}
		Map<CapabilityId, List<Level>> levels = new HashMap<>();
		Map<CapabilityId, List<EvidenceRule>> rules = new HashMap<>();
		// in chunks: the risk report reads hundreds of capabilities
		List<String> ids = headers.stream().map(c -> c.id().value()).toList();
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.sql("SELECT capability_id, level_rank, name FROM capability_levels WHERE capability_id IN (:ids) ORDER BY level_rank")
				.param("ids", chunk)
				.query((rs, n) -> {
					levels.computeIfAbsent(new CapabilityId(rs.getString(1)), k -> new ArrayList<>())
						.add(new Level(rs.getInt(2), rs.getString(3)));
					return null;
				})
				.list();
			jdbc.sql("SELECT capability_id, id, level_rank, kind, course_id, current_version, task_id, required_count, "
					+ "certificate_name FROM capability_rules WHERE capability_id IN (:ids) ORDER BY level_rank, position")
				.param("ids", chunk)
				.query((rs, n) -> {
					int count = rs.getInt(8);
					Integer required = rs.wasNull() ? null : count;
					rules.computeIfAbsent(new CapabilityId(rs.getString(1)), k -> new ArrayList<>())
						.add(new EvidenceRule(rs.getString(2), rs.getInt(3), RuleKind.valueOf(rs.getString(4)),
								rs.getString(5) == null ? null : new CourseId(rs.getString(5)), rs.getBoolean(6),
								rs.getString(7), required, rs.getString(9), null));
					return null;
				})
				.list();
		}
		for (Capability c : headers) {
			result.put(c.id(), new Capability(c.id(), c.name(), c.description(), c.category(), c.ownerTeamId(), null,
					c.validityMonths(), c.status(), c.mergedInto(), c.revision(), levels.getOrDefault(c.id(), List.of()),
					rules.getOrDefault(c.id(), List.of())));
		}
		return result;
	}
}
