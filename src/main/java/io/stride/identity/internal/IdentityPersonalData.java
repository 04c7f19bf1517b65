package io.stride.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's own row, roles, teams and tokens. Erased, the row keeps its id with the pseudonym for name and email
 * (so that every page naming the author of a course or the signer of a sign-off shows the pseudonym), no password,
 * inactive, with its sessions ended; roles, team links and tokens go, and so do the failed sign-ins counted on the
 * email. The event registry's serialized events are scrubbed here too: they are the application's, not a module's.
 */
@Component
class IdentityPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	private final JdbcClient jdbc;

	private final SignInThrottle throttle;

	IdentityPersonalData(PersonalDataRows rows, JdbcClient jdbc, SignInThrottle throttle) {
		this.rows = rows;
		this.jdbc = jdbc;
		this.throttle = throttle;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("people", "id"), PersonTable.of("person_roles", "person_id"),
				PersonTable.of("team_members", "person_id"), PersonTable.of("team_managers", "person_id"),
				PersonTable.of("api_tokens", "person_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.delete("person_roles", "person_id", erasure.person());
		rows.delete("team_members", "person_id", erasure.person());
		rows.delete("team_managers", "person_id", erasure.person());
		rows.delete("api_tokens", "person_id", erasure.person());
		jdbc.sql("SELECT email FROM people WHERE id = ?")
			.param(erasure.person().value())
			.query(String.class)
			.optional()
			.ifPresent(throttle::forgetAccount);
		jdbc.sql("UPDATE people SET name = ?, email = ?, password_hash = NULL, active = ?, credentials_changed_at = ? "
				+ "WHERE id = ?")
			.params(erasure.pseudonym().name(), erasure.pseudonym().email(), false, Timestamp.from(Instant.now()),
					erasure.person().value())
			.update();
		rows.scrub(erasure, "event_publication", PersonalDataRows.ANY_ROW, "serialized_event");
	}
}
