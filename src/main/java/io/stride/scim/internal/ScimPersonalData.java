package io.stride.scim.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * What the identity provider sent about the person is deleted, so that provisioning the same email again makes a new
 * person.
 */
@Component
class ScimPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	ScimPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("scim_users", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("scim_users", "person_id", erasure.person());
	}
}
