package io.stride.cycles.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's learning cycles: kept for the team's cycle figures, with what they wrote about themselves (goals'
 * reflections, check-in notes, comments, kudos and help offers) emptied and their name where it was copied replaced.
 */
@Component
class CyclesPersonalData implements PersonalData {

	/** What stands where the person's own words stood, in a column that must hold text. */
	private static final String ERASED = "(erased)";

	private final PersonalDataRows rows;

	private final JdbcClient jdbc;

	CyclesPersonalData(PersonalDataRows rows, JdbcClient jdbc) {
		this.rows = rows;
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("learning_cycles", "person_id"),
				PersonTable.where("learning_goals", "cycle_id IN (SELECT id FROM learning_cycles WHERE person_id = :person) OR mentor_id = :person"),
				PersonTable.where("learning_check_ins", "cycle_id IN (SELECT id FROM learning_cycles WHERE person_id = :person)"),
				PersonTable.of("learning_goal_comments", "author_id"),
				PersonTable.of("learning_cycle_viewers", "person_id"),
				PersonTable.of("learning_goal_validators", "person_id"),
				PersonTable.of("goal_validation_requests", "requester_id", "validator_id"),
				PersonTable.of("goal_help_offers", "helper_id"),
				PersonTable.of("kudos", "from_person", "to_person"));
	}

	@Override
	public void erase(Erasure erasure) {
		jdbc.sql("UPDATE learning_goals SET practice = NULL, evidence = NULL, outcome = NULL, reflection = NULL, next_step = NULL "
				+ "WHERE cycle_id IN (SELECT id FROM learning_cycles WHERE person_id = ?)").param(erasure.person().value()).update();
		jdbc.sql("UPDATE learning_check_ins SET note = '' WHERE cycle_id IN (SELECT id FROM learning_cycles WHERE person_id = ?)")
			.param(erasure.person().value()).update();
		rows.set("learning_goal_comments", "body", ERASED, "author_id", erasure.person());
		rows.set("learning_goal_comments", "author_name", erasure.pseudonym().name(), "author_id", erasure.person());
		rows.set("goal_help_offers", "message", null, "helper_id", erasure.person());
		rows.set("goal_help_offers", "helper_name", erasure.pseudonym().name(), "helper_id", erasure.person());
		rows.set("goal_validation_requests", "message", null, "requester_id", erasure.person());
		rows.set("kudos", "message", ERASED, "from_person", erasure.person());
		rows.set("kudos", "from_name", erasure.pseudonym().name(), "from_person", erasure.person());
		rows.scrub(erasure, "learning_cycles", "person_id = :person", "title");
		rows.scrub(erasure, "learning_goals", "cycle_id IN (SELECT id FROM learning_cycles WHERE person_id = :person)",
				"what");
	}
}
