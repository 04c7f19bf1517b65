package io.stride.cycles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Capabilities whose levels are reached by validation, held levels, and goals that aim at them, for these tests. */
@Component
public class ValidationFixtures {

	private final JdbcClient jdbc;

	private final LearningCycles cycles;

	ValidationFixtures(JdbcClient jdbc, LearningCycles cycles) {
		this.jdbc = jdbc;
		this.cycles = cycles;
	}

	/**
	 * An active organization-wide capability with the default levels ("Learning", "Can do it alone", "Can teach it"),
	 * each reached by being validated by {@code validations} people who hold it.
	 */
	public CapabilityId validatedCapability(String name, int validations) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO capabilities (id, name, description, category, owner_team_id, validity_months, status, "
				+ "merged_into, revision, created_by, created_at, updated_at) VALUES (?, ?, ?, 'Customer Success', NULL, "
				+ "NULL, 'ACTIVE', NULL, 1, ?, ?, ?)")
			.params(id, name, "What " + name + " asks of people.", Ids.newId(), now, now)
			.update();
		for (int rank = 1; rank <= Capability.DEFAULT_LEVELS.size(); rank++) {
			jdbc.sql("INSERT INTO capability_levels (capability_id, level_rank, name) VALUES (?, ?, ?)")
				.params(id, rank, Capability.DEFAULT_LEVELS.get(rank - 1))
				.update();
			jdbc.sql("INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, "
					+ "task_id, required_count, certificate_name, position) VALUES (?, ?, ?, 'VALIDATIONS', NULL, FALSE, "
					+ "NULL, ?, NULL, 0)")
				.params(Ids.newId(), id, rank, validations)
				.update();
		}
		return new CapabilityId(id);
	}

	/** The person holds the level (a row as the engine writes it; nobody recomputes it in these tests). */
	public void holds(PersonId person, CapabilityId capability, int rank) {
		jdbc.sql("INSERT INTO capability_holdings (person_id, capability_id, level_rank, valid_until, computed_at) "
				+ "VALUES (?, ?, ?, NULL, ?)")
			.params(person.value(), capability.value(), rank, Timestamp.from(Instant.now()))
			.update();
	}

	/** A capability validation as the profile records it, given today. */
	public void capabilityValidation(PersonId validator, PersonId person, CapabilityId capability, int rank) {
		jdbc.sql("INSERT INTO capability_validations (id, person_id, capability_id, level_rank, validator_id, "
				+ "validator_name, validated_on, note, created_at) VALUES (?, ?, ?, ?, ?, 'Validator', ?, 'Seen it', ?)")
			.params(Ids.newId(), person.value(), capability.value(), rank, validator.value(), java.time.LocalDate.now(),
					Timestamp.from(Instant.now()))
			.update();
	}

	public long audited(String action, String subjectId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND subject_id = ?")
			.params(action, subjectId)
			.query(Long.class)
			.single();
	}

	/** The highest level the person holds of the capability, 0 for none. */
	public int heldRank(PersonId person, CapabilityId capability) {
		return jdbc.sql("SELECT COALESCE(MAX(level_rank), 0) FROM capability_holdings WHERE person_id = ? "
				+ "AND capability_id = ?")
			.params(person.value(), capability.value())
			.query(Integer.class)
			.single();
	}

	/** The owner's active cycle (started when they have none) with one goal. */
	public Goal goal(Viewer owner, Visibility visibility, String what, CapabilityId capability, Integer level,
			List<PersonId> planned) {
		LearningCycle cycle = cycles.active(owner)
			.orElseGet(() -> cycles.start(owner, new NewCycle(null, null, 60, visibility,
					visibility == Visibility.NAMED ? planned : List.of(), null, null, null)));
		return cycles.addGoal(owner, cycle.id(), new GoalDraft(what, capability, level, List.of(), true, List.of(),
				List.of(), "Run two workshops", null, "Two workshop recordings and the customers' feedback", planned,
				null, false));
	}

	public void checkIn(Goal goal, String note, int progress) {
		jdbc.sql("INSERT INTO learning_check_ins (id, cycle_id, goal_id, note, progress, minutes, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, 30, ?)")
			.params(Ids.newId(), goal.cycleId().value(), goal.id().value(), note, progress, Timestamp.from(Instant.now()))
			.update();
	}

	public void produced(Goal goal, String title, String url) {
		jdbc.sql("INSERT INTO learning_goal_links (id, goal_id, kind, title, url, created_at) VALUES (?, ?, 'PRODUCED', "
				+ "?, ?, ?)")
			.params(Ids.newId(), goal.id().value(), title, url, Timestamp.from(Instant.now()))
			.update();
	}

	public void close(Goal goal, GoalOutcome outcome, String reflection) {
		jdbc.sql("UPDATE learning_cycles SET status = 'CLOSED', closed_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now()), goal.cycleId().value())
			.update();
		jdbc.sql("UPDATE learning_goals SET outcome = ?, reflection = ? WHERE id = ?")
			.params(outcome.name(), reflection, goal.id().value())
			.update();
	}

	public void lookingForHelp(Goal goal) {
		jdbc.sql("UPDATE learning_goals SET looking_for_help = TRUE WHERE id = ?").param(goal.id().value()).update();
	}
}
