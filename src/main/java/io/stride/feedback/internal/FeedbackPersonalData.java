package io.stride.feedback.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Reactions and improvement requests: kept for the reaction score and the author's list, the person's own words
 * emptied.
 */
@Component
class FeedbackPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	FeedbackPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("lesson_reactions", "person_id"),
				PersonTable.of("improvement_requests", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.set("lesson_reactions", "comment", null, "person_id", erasure.person());
		rows.set("improvement_requests", "comment", null, "person_id", erasure.person());
	}
}
