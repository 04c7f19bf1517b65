package io.stride.library.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Library components the person authored: the author's id only, kept.
 */
@Component
class LibraryPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("library_components", "author_id"));
	}
}
