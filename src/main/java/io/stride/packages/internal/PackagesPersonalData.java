package io.stride.packages.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * SCORM attempts and cmi5 registrations: learning records, kept under the id; open launch keys are deleted.
 */
@Component
class PackagesPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	PackagesPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("package_attempts", "person_id"),
				PersonTable.of("package_launches", "person_id"),
				PersonTable.of("cmi5_registrations", "person_id"),
				PersonTable.of("cmi5_sessions", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("package_launches", "person_id", erasure.person());
	}
}
