package io.stride.xapi.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The LRS's side tables: agents found by the person's email keep the pseudonym's; State and profile documents about
 * the person (the agent names them) are deleted.
 */
@Component
class XapiPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	private final JdbcClient jdbc;

	XapiPersonalData(PersonalDataRows rows, JdbcClient jdbc) {
		this.rows = rows;
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.where("xapi_statement_agents", "statement_id IN (SELECT id FROM statements WHERE actor_id = :person)"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.scrubEmail(erasure, "xapi_statement_agents", "agent_key");
		jdbc.sql("DELETE FROM xapi_documents WHERE agent LIKE ? OR agent LIKE ?")
			.params("%" + erasure.email() + "%", "%" + erasure.person().value() + "%").update();
	}
}
