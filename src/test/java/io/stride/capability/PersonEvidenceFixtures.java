package io.stride.capability;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Capabilities and held levels written as rows: the catalogue and the engine that computes levels are built beside
 * these tests, so the tests set up what they need without them.
 */
@Component
class PersonEvidenceFixtures {

	private final JdbcClient jdbc;

	PersonEvidenceFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An active organization-wide capability with the three default levels. */
	CapabilityId capability(String name) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO capabilities (id, name, description, category, status, revision, created_by, created_at, "
				+ "updated_at) VALUES (?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?)")
			.params(id, name, "What it takes to " + name.toLowerCase(), "Customer Success", Ids.newId(), now, now)
			.update();
		for (int rank = 1; rank <= Capability.DEFAULT_LEVELS.size(); rank++) {
			jdbc.sql("INSERT INTO capability_levels (capability_id, level_rank, name) VALUES (?, ?, ?)")
				.params(id, rank, Capability.DEFAULT_LEVELS.get(rank - 1))
				.update();
		}
		return new CapabilityId(id);
	}

	void holds(PersonId person, CapabilityId capability, int rank, LocalDate validUntil) {
		jdbc.sql("INSERT INTO capability_holdings (person_id, capability_id, level_rank, valid_until, computed_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(person.value(), capability.value(), rank, validUntil, Timestamp.from(Instant.now()))
			.update();
	}

	long absencesOf(PersonId person) {
		return jdbc.sql("SELECT COUNT(*) FROM absences WHERE person_id = ?").param(person.value()).query(Long.class).single();
	}

	long audited(String action, String subjectId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND subject_id = ?")
			.params(action, subjectId)
			.query(Long.class)
			.single();
	}
}
