package io.stride.notification;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * The person's notifications are deleted; other people's notifications that name them keep the pseudonym.
 */
@Component
class NotificationPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	NotificationPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("notifications", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("notifications", "person_id", erasure.person());
		rows.scrub(erasure, "notifications", PersonalDataRows.ANY_ROW, "subject", "body");
	}
}
