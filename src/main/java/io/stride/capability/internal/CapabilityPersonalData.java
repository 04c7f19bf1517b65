package io.stride.capability.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Levels, evidence, certificates and absences: kept under the id (coverage and the risk report count them); the
 * self-assessment notes emptied and the name copied into validations the person gave replaced.
 */
@Component
class CapabilityPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	CapabilityPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("capability_holdings", "person_id"),
				PersonTable.of("capability_certificates", "person_id"),
				PersonTable.of("capability_expiry_notices", "person_id"),
				PersonTable.of("capability_self_assessments", "person_id"),
				PersonTable.of("capability_validations", "person_id", "validator_id"),
				PersonTable.of("absences", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.set("capability_self_assessments", "note", "", "person_id", erasure.person());
		rows.set("capability_validations", "validator_name", erasure.pseudonym().name(), "validator_id", erasure.person());
	}
}
