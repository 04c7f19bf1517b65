package io.stride.tracks.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Track enrolments: kept under the id, the person's request note emptied.
 */
@Component
class TracksPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	TracksPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("track_enrolments", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.set("track_enrolments", "request_note", null, "person_id", erasure.person());
	}
}
