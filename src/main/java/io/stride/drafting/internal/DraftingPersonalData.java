package io.stride.drafting.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Drafts, drafting jobs and recordings the person started: course material, kept under the id like courses.
 */
@Component
class DraftingPersonalData implements PersonalData {

	@Override
	public String module() {
		return "drafting";
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("drafts", "owner_id"),
				PersonTable.of("draft_jobs", "owner_id"),
				PersonTable.of("recordings", "owner_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		// nothing personal beyond the id, which names nobody once identity's row holds the pseudonym
	}
}
