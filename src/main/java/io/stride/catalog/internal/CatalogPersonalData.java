package io.stride.catalog.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Catalogue entries of courses the person authored: the author's id only, kept.
 */
@Component
class CatalogPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("catalog_entries", "author_id"));
	}
}
