package io.stride.integration.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * The person's calendar feeds are deleted (their tokens open the person's calendar); webhook bodies already sent
 * keep their events with the name and email replaced.
 */
@Component
class IntegrationPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	IntegrationPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("calendar_feeds", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("calendar_feeds", "person_id", erasure.person());
		rows.scrub(erasure, "webhook_deliveries", PersonalDataRows.ANY_ROW, "body");
	}
}
