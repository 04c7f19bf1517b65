package io.stride.capability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import io.stride.identity.PersonId;
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

	/** Active capabilities with a rule on any of these outside activities (by IRI, exactly). */
	public List<CapabilityId> referencingActivities(Collection<String> activityIris) {
		if (activityIris.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT r.capability_id FROM capability_rules r JOIN capabilities c ON c.id = r.capability_id "
				+ "WHERE c.status = 'ACTIVE' AND r.activity_iri IN (:iris)")
			.param("iris", List.copyOf(activityIris))
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

	/** Every capability, retired ones too, in name order. */
	public List<Capability> all() {
		return List.copyOf(load(jdbc.sql("SELECT " + COLUMNS + " FROM capabilities c ORDER BY LOWER(c.name), c.id")
			.query(this::header)
			.list()).values());
	}

	/** The categories of active capabilities, in alphabetical order. */
	public List<String> categories() {
		return jdbc.sql("SELECT DISTINCT category FROM capabilities WHERE status = 'ACTIVE' ORDER BY category")
			.query(String.class)
			.list();
	}

	/** Whether an active capability other than {@code except} has this name, ignoring case. */
	public boolean nameTaken(String name, CapabilityId except) {
		return jdbc.sql("SELECT COUNT(*) FROM capabilities WHERE status = 'ACTIVE' AND LOWER(name) = LOWER(?) AND id <> ?")
			.params(name, except == null ? "" : except.value())
			.query(Integer.class)
			.single() > 0;
	}

	/** The highest level a team target of the capability asks for (0 when none). */
	public int highestTargetLevel(CapabilityId id) {
		Integer rank = jdbc.sql("SELECT MAX(level_rank) FROM capability_targets WHERE capability_id = ?")
			.param(id.value())
			.query(Integer.class)
			.optional()
			.orElse(null);
		return rank == null ? 0 : rank;
	}

	/** A capability's header as written: levels and rules are written with {@link #replaceLevelsAndRules}. */
	public record Header(String name, String description, String category, TeamId ownerTeamId, Integer validityMonths) {
	}

	public void insert(CapabilityId id, Header header, PersonId by, Instant at) {
		jdbc.sql("INSERT INTO capabilities (id, name, description, category, owner_team_id, validity_months, status, "
				+ "merged_into, revision, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', NULL, 1, ?, ?, ?)")
			.params(id.value(), header.name(), header.description(), header.category(),
					header.ownerTeamId() == null ? null : header.ownerTeamId().value(), header.validityMonths(), by.value(),
					Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/** False when the revision is no longer the current one: someone saved meanwhile. */
	public boolean update(CapabilityId id, int revision, Header header, Instant at) {
		return jdbc.sql("UPDATE capabilities SET name = ?, description = ?, category = ?, owner_team_id = ?, "
				+ "validity_months = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?")
			.params(header.name(), header.description(), header.category(),
					header.ownerTeamId() == null ? null : header.ownerTeamId().value(), header.validityMonths(),
					Timestamp.from(at), id.value(), revision)
			.update() == 1;
	}

	/** Levels and rules are replaced as a whole; rules get new ids and keep the order given, per level. */
	public void replaceLevelsAndRules(CapabilityId id, List<Level> levels, List<EvidenceRule> rules) {
		jdbc.sql("DELETE FROM capability_rules WHERE capability_id = ?").param(id.value()).update();
		jdbc.sql("DELETE FROM capability_levels WHERE capability_id = ?").param(id.value()).update();
		for (Level level : levels) {
			jdbc.sql("INSERT INTO capability_levels (capability_id, level_rank, name) VALUES (?, ?, ?)")
				.params(id.value(), level.rank(), level.name())
				.update();
		}
		int position = 0;
		for (EvidenceRule rule : rules) {
			jdbc.sql("INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, task_id, "
					+ "required_count, certificate_name, position, activity_iri, activity_name, min_score) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(rule.id(), id.value(), rule.level(), rule.kind().name(),
						rule.courseId() == null ? null : rule.courseId().value(), rule.currentVersion(), rule.taskId(),
						rule.count(), rule.certificateName(), position++, rule.activityIri(), rule.activityName(),
						rule.minScore())
				.update();
		}
	}

	/** Retires (with the capability it was merged into, if so) or restores; false when the status was already so. */
	public boolean setStatus(CapabilityId id, CapabilityStatus status, CapabilityId mergedInto, Instant at) {
		boolean retiring = status == CapabilityStatus.RETIRED;
		return jdbc.sql("UPDATE capabilities SET status = ?, merged_into = ?, retired_at = ?, revision = revision + 1, "
				+ "updated_at = ? WHERE id = ? AND status <> ?")
			.params(status.name(), mergedInto == null ? null : mergedInto.value(), retiring ? Timestamp.from(at) : null,
					Timestamp.from(at), id.value(), status.name())
			.update() == 1;
	}

	/** What a merge moved, for the audit log. */
	public record Moved(int certificates, int validations, int selfAssessments, int targets) {
	}

	/**
	 * Moves the evidence people added and the team targets of {@code from} to {@code into}. Where {@code into} already
	 * has a person's self-assessment, a team's target or the same validation, that one wins and {@code from}'s is
	 * dropped; targets asking for a level {@code into} lacks ask for its highest level instead.
	 */
	public Moved moveEvidence(CapabilityId from, CapabilityId into, int intoLevels) {
		String f = from.value();
		String i = into.value();
		int certificates = jdbc.sql("UPDATE capability_certificates SET capability_id = ? WHERE capability_id = ?")
			.params(i, f)
			.update();
		jdbc.sql("DELETE FROM capability_validations WHERE capability_id = ? AND EXISTS (SELECT 1 FROM capability_validations v "
				+ "WHERE v.capability_id = ? AND v.person_id = capability_validations.person_id "
				+ "AND v.level_rank = capability_validations.level_rank AND v.validator_id = capability_validations.validator_id)")
			.params(f, i)
			.update();
		int validations = jdbc.sql("UPDATE capability_validations SET capability_id = ? WHERE capability_id = ?")
			.params(i, f)
			.update();
		jdbc.sql("DELETE FROM capability_self_assessments WHERE capability_id = ? AND EXISTS (SELECT 1 FROM "
				+ "capability_self_assessments s WHERE s.capability_id = ? AND s.person_id = capability_self_assessments.person_id)")
			.params(f, i)
			.update();
		int selfAssessments = jdbc.sql("UPDATE capability_self_assessments SET capability_id = ?, "
				+ "level_rank = CASE WHEN level_rank > ? THEN ? ELSE level_rank END WHERE capability_id = ?")
			.params(i, intoLevels, intoLevels, f)
			.update();
		jdbc.sql("DELETE FROM capability_targets WHERE capability_id = ? AND EXISTS (SELECT 1 FROM capability_targets t "
				+ "WHERE t.capability_id = ? AND t.team_id = capability_targets.team_id)")
			.params(f, i)
			.update();
		int targets = jdbc.sql("UPDATE capability_targets SET capability_id = ?, "
				+ "level_rank = CASE WHEN level_rank > ? THEN ? ELSE level_rank END WHERE capability_id = ?")
			.params(i, intoLevels, intoLevels, f)
			.update();
		return new Moved(certificates, validations, selfAssessments, targets);
	}

	private Capability header(ResultSet rs, int n) throws SQLException {
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
					+ "certificate_name, activity_iri, activity_name, min_score FROM capability_rules "
					+ "WHERE capability_id IN (:ids) ORDER BY level_rank, position")
				.param("ids", chunk)
				.query((rs, n) -> {
					int count = rs.getInt(8);
					Integer required = rs.wasNull() ? null : count;
					double score = rs.getDouble(12);
					Double minScore = rs.wasNull() ? null : score;
					rules.computeIfAbsent(new CapabilityId(rs.getString(1)), k -> new ArrayList<>())
						.add(new EvidenceRule(rs.getString(2), rs.getInt(3), RuleKind.valueOf(rs.getString(4)),
								rs.getString(5) == null ? null : new CourseId(rs.getString(5)), rs.getBoolean(6),
								rs.getString(7), required, rs.getString(9), null, rs.getString(10), rs.getString(11),
								minScore));
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
