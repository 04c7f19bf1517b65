package io.stride.assessment.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Attempts and answers to knowledge checks: learning records, kept under the id (item analysis counts them).
 */
@Component
class AssessmentPersonalData implements PersonalData {

	@Override
	public String module() {
		return "assessment";
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("attempts", "person_id"),
				PersonTable.of("open_attempts", "person_id"),
				PersonTable.of("check_answers", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		// nothing personal beyond the id, which names nobody once identity's row holds the pseudonym
	}
}
