package io.stride.delivery.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Progress, certificates, lessons read and assignments: learning records, kept under the id.
 */
@Component
class DeliveryPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("progress", "person_id"),
				PersonTable.of("certificates", "person_id"),
				PersonTable.of("lesson_reads", "person_id"),
				PersonTable.of("person_assignments", "person_id"));
	}
}
