package io.stride.assessment.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Attempts and answers to knowledge checks: learning records, kept under the id (item analysis counts them).
 */
@Component
class AssessmentPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("attempts", "person_id"),
				PersonTable.of("open_attempts", "person_id"),
				PersonTable.of("check_answers", "person_id"));
	}
}
