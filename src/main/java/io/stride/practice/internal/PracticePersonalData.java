package io.stride.practice.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Spaced-review cards and reviews: learning records, kept under the id.
 */
@Component
class PracticePersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("practice_cards", "person_id"),
				PersonTable.of("practice_reviews", "person_id"));
	}
}
