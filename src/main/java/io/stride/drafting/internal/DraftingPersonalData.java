package io.stride.drafting.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Drafts, drafting jobs and recordings the person started: course material, kept under the id like courses.
 */
@Component
class DraftingPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("drafts", "owner_id"),
				PersonTable.of("draft_jobs", "owner_id"),
				PersonTable.of("recordings", "owner_id"));
	}
}
