package io.stride.review.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Review cases and comments stay with the course (the pseudonym shows as their author); the reviewer profile goes.
 */
@Component
class ReviewPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	ReviewPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("review_cases", "author_id"),
				PersonTable.of("review_comments", "author_id"),
				PersonTable.of("reviewer_profiles", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("reviewer_profiles", "person_id", erasure.person());
	}
}
