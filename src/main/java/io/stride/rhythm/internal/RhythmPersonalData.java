package io.stride.rhythm.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Interventions, gaps, learning hours, needs and commissions: kept under the id for the team's history; the notes
 * the person added to a learning need emptied.
 */
@Component
class RhythmPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	RhythmPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("interventions", "person_id", "owner_id"),
				PersonTable.of("session_gap_people", "person_id"),
				PersonTable.of("learning_hours", "person_id"),
				PersonTable.of("learning_needs", "filed_by"),
				PersonTable.of("learning_need_voices", "person_id"),
				PersonTable.of("commissions", "commissioned_by", "author_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.set("learning_need_voices", "note", "", "person_id", erasure.person());
	}
}
