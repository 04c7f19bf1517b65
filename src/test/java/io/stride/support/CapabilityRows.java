package io.stride.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.internal.Holdings;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Capability rows written straight into the tables, for page and API tests that must not wait on the catalogue's and
 * the profile's forms: a capability with the three default levels, each asking for a confirmed certificate of its
 * own kind; people's certificates (the engine computes the levels they hold from them), targets, self-assessments and
 * absences.
 */
@Component
public class CapabilityRows {

	/** The certificate each level asks for, lowest first. */
	public static final List<String> CERTIFICATES = List.of("Foundation", "Practitioner", "Expert");

	private final JdbcClient jdbc;

	private final Holdings holdings;

	CapabilityRows(JdbcClient jdbc, Holdings holdings) {
		this.jdbc = jdbc;
		this.holdings = holdings;
	}

	/** An active capability of the organization with the default levels, each asking for its own certificate. */
	public CapabilityId capability(String name, String category, PersonId createdBy) {
		String id = Ids.newId();
		Instant now = Instant.now();
		jdbc.sql("INSERT INTO capabilities (id, name, description, category, owner_team_id, validity_months, status, "
				+ "merged_into, revision, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, NULL, 'ACTIVE', NULL, 1, ?, ?, ?)")
			.params(id, name, "What " + name + " asks of people.", category, createdBy.value(),
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
			.update();
		List<String> levels = Capability.DEFAULT_LEVELS;
		for (int rank = 1; rank <= levels.size(); rank++) {
			jdbc.sql("INSERT INTO capability_levels (capability_id, level_rank, name) VALUES (?, ?, ?)")
				.params(id, rank, levels.get(rank - 1))
				.update();
			jdbc.sql("INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, task_id, "
					+ "required_count, certificate_name, position) VALUES (?, ?, ?, 'CERTIFICATE', NULL, FALSE, NULL, NULL, ?, 0)")
				.params(Ids.newId(), id, rank, CERTIFICATES.get(rank - 1))
				.update();
		}
		return new CapabilityId(id);
	}

	/** A rule that the level asks a course to be mastered (any version). */
	public String courseRule(CapabilityId capability, int rank, String courseId) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, task_id, "
				+ "required_count, certificate_name, position) VALUES (?, ?, ?, 'COURSE_MASTERED', ?, FALSE, NULL, NULL, NULL, 1)")
			.params(id, capability.value(), rank, courseId)
			.update();
		return id;
	}

	/**
	 * The person holds the level: a manager confirmed the certificate it asks for (valid until {@code validUntil}, null:
	 * no expiry), and the engine recomputed what they hold.
	 */
	public void holds(PersonId person, CapabilityId capability, int rank, LocalDate validUntil) {
		jdbc.sql("INSERT INTO capability_certificates (id, person_id, capability_id, name, issuer, issued_on, expires_on, "
				+ "file_name, content_type, content, status, decided_by, decided_at, decision_note, uploaded_at) "
				+ "VALUES (?, ?, ?, ?, 'Stride Academy', ?, ?, 'certificate.pdf', 'application/pdf', ?, 'CONFIRMED', ?, ?, NULL, ?)")
			.params(Ids.newId(), person.value(), capability.value(), CERTIFICATES.get(rank - 1) + " certificate",
					LocalDate.now().minusMonths(1), validUntil, "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					person.value(), java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()))
			.update();
		holdings.recompute(List.of(person), capability);
	}

	public void target(TeamId team, CapabilityId capability, int rank, int minPeople, PersonId setBy) {
		jdbc.sql("INSERT INTO capability_targets (team_id, capability_id, level_rank, min_people, set_by, set_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(team.value(), capability.value(), rank, minPeople, setBy.value(), java.sql.Timestamp.from(Instant.now()))
			.update();
	}

	public void selfAssessment(PersonId person, CapabilityId capability, int rank, String note) {
		jdbc.sql("INSERT INTO capability_self_assessments (person_id, capability_id, level_rank, note, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(person.value(), capability.value(), rank, note, java.sql.Timestamp.from(Instant.now()))
			.update();
	}

	/** An absence of the given kind (LEAVE, TRAINING, PARENTAL, OTHER), both days inclusive. */
	public void absence(PersonId person, LocalDate from, LocalDate to, String kind) {
		jdbc.sql("INSERT INTO absences (id, person_id, starts_on, ends_on, kind, source, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, 'MANUAL', ?, ?)")
			.params(Ids.newId(), person.value(), from, to, kind, person.value(), java.sql.Timestamp.from(Instant.now()))
			.update();
	}

	public int personAssignments(PersonId person, String courseId) {
		return jdbc.sql("SELECT COUNT(*) FROM person_assignments WHERE person_id = ? AND course_id = ?")
			.params(person.value(), courseId)
			.query(Integer.class)
			.single();
	}
}
