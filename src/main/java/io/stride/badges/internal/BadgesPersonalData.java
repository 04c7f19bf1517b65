package io.stride.badges.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credentials issued to the person: the name in the row and in the signed credential become the pseudonym, and the
 * credential is revoked, since its proof no longer matches what it says.
 */
@Component
class BadgesPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	private final JdbcClient jdbc;

	BadgesPersonalData(PersonalDataRows rows, JdbcClient jdbc) {
		this.rows = rows;
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("badge_credentials", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.scrub(erasure, "badge_credentials", "person_id = :person", "person_name", "credential");
		jdbc.sql("UPDATE badge_credentials SET revoked_at = COALESCE(revoked_at, ?), revoked_reason = COALESCE(revoked_reason, ?) WHERE person_id = ?")
			.params(Timestamp.from(Instant.now()), "The person was erased.", erasure.person().value())
			.update();
	}
}
