package io.stride.activity;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * The learning record: the person's statements stay under their id (course figures count them), with their name and
 * email in the statement's actor replaced by the pseudonym.
 */
@Component
class ActivityPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	ActivityPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("statements", "actor_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.scrub(erasure, "statements", "actor_id = :person", "statement");
		rows.scrubEmail(erasure, "statements", "statement");
	}
}
