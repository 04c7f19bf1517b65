package io.stride.library.internal;

import java.util.List;

import io.stride.identity.Erasure;
import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Library components the person authored: the author's id only, kept.
 */
@Component
class LibraryPersonalData implements PersonalData {

	@Override
	public String module() {
		return "library";
	}

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("library_components", "author_id"));
	}

	@Override
	public void erase(Erasure erasure) {
		// nothing personal beyond the id, which names nobody once identity's row holds the pseudonym
	}
}
