package io.stride.audit;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import io.stride.identity.PersonalDataRows;
import org.springframework.stereotype.Component;

/**
 * Audit entries the person made or that name them: kept (the log is append-only), with their name and email
 * replaced by the pseudonym wherever the entry wrote them.
 */
@Component
class AuditPersonalData implements PersonalData {

	private final PersonalDataRows rows;

	AuditPersonalData(PersonalDataRows rows) {
		this.rows = rows;
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("audit_events", "actor_id", "subject_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		rows.scrub(erasure, "audit_events", "actor_id = :person OR subject_id = :person", "actor_name", "subject_name",
				"detail");
		rows.scrubEmail(erasure, "audit_events", "subject_name", "detail");
	}
}
