package io.stride.mastery.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Masteries and sign-offs: kept under the id; the person stops being a named expert, and their name copied into
 * sign-offs they gave becomes the pseudonym.
 */
@Component
class MasteryPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	MasteryPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("masteries", "person_id"),
				PersonTable.of("mastery_scores", "person_id"),
				PersonTable.of("mastery_experts", "person_id"),
				PersonTable.of("checklist_sign_offs", "person_id", "signed_by"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("mastery_experts", "person_id", erasure.person());
		rows.set("checklist_sign_offs", "signer_name", erasure.pseudonym().name(), "signed_by", erasure.person());
	}
}
