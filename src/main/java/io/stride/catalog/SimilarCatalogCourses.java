package io.stride.catalog;

import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.catalog.internal.CatalogEntries;
import io.stride.review.SimilarCourses;
import org.springframework.stereotype.Component;

/** The overlap check's candidates, from the catalogue's text index (every live course has an entry there). */
@Component
class SimilarCatalogCourses implements SimilarCourses {

	private final CatalogEntries entries;

	SimilarCatalogCourses(CatalogEntries entries) {
		this.entries = entries;
	}

	@Override
	public List<CourseId> sharingWords(CourseId except, List<String> words, int limit) {
		return entries.sharingWords(except.value(), words, limit).stream().map(CourseId::new).toList();
	}
}
