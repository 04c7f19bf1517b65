package io.stride.catalog.web;

import java.time.Instant;
import java.util.List;

import io.stride.catalog.Catalog;
import io.stride.catalog.CatalogEntry;
import io.stride.catalog.CatalogPage;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogue", description = "Every published course anyone may start without approval: search, filters "
		+ "and sorting, 20 a page")
@SecurityRequirement(name = "bearer")
class CatalogApi {

	private final Catalog catalog;

	CatalogApi(Catalog catalog) {
		this.catalog = catalog;
	}

	/** {@code reactionScore} is null until the course has five reactions; {@code minutes} at 200 words a minute. */
	record EntryView(String id, String title, String description, String authorName, List<String> authorTeams,
			int lessons, int minutes, Integer reactionScore, int reactions, List<String> capabilities, int learners,
			Instant publishedAt, String startUrl) {

		static EntryView of(CatalogEntry e) {
			return new EntryView(e.id().value(), e.title(), e.description(), e.authorName(), e.authorTeams(), e.lessons(),
					e.minutes(), e.reactionScore(), e.reactions(), e.capabilities(), e.learners(), e.publishedAt(),
					"/learning/courses/" + e.id().value());
		}
	}

	record PageView(List<EntryView> items, int page, int pages, int total) {
	}

	@GetMapping("/catalogue")
	@Operation(summary = "Published courses anyone may start (retired and never-published ones are absent), 20 a page; "
			+ "a page past the last answers the last page; 422 with the field for a page below 1, an unknown length or "
			+ "sort, or a minimum score outside −100 to 100")
	PageView search(Viewer me,
			@Parameter(description = "words that must all appear in the title, description, objectives, lesson text or "
					+ "questions, or in the name of a capability the course counts for (on PostgreSQL a word finds the "
					+ "words that start with it)") @RequestParam(required = false) String q,
			@Parameter(description = "a capability id: courses its evidence rules name") @RequestParam(required = false) String capability,
			@Parameter(description = "a team id: courses whose author is in it") @RequestParam(required = false) String team,
			@Parameter(description = "short (up to 10 minutes), medium (up to 30) or long (more than 30)") @RequestParam(required = false) String length,
			@Parameter(description = "lowest reaction score, from −100 to 100; courses without a shown score are left out") @RequestParam(required = false) String minScore,
			@Parameter(description = "relevance (default; title matches first, then most used), most-used or newest") @RequestParam(required = false) String sort,
			@Parameter(description = "from 1") @RequestParam(required = false) String page,
			@Parameter(description = "a language code such as en or de: courses whose text is in it (as Stride detects "
					+ "it; short texts count as English)") @RequestParam(required = false) String language) {
		CatalogPage result = catalog.search(me,
				new CatalogParams(q, capability, team, length, minScore, sort, page, language).query());
		return new PageView(result.items().stream().map(EntryView::of).toList(), result.page(), result.pages(),
				result.total());
	}
}
