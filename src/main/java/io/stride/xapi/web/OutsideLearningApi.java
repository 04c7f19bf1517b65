package io.stride.xapi.web;

import java.time.Instant;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.xapi.OutsideLearning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Learning outside Stride", description = "What outside tools sent to Stride's LRS about a person (not "
		+ "voided): for the person, their managers and admins; 404 for anyone else")
@SecurityRequirement(name = "bearer")
class OutsideLearningApi {

	private final OutsideLearning outsideLearning;

	OutsideLearningApi(OutsideLearning outsideLearning) {
		this.outsideLearning = outsideLearning;
	}

	/** {@code score}: scaled, 0 to 1 (null: none sent); {@code tool}: the LRS client's name. */
	record EntryView(String statementId, String verb, String verbIri, String activityId, String activityName,
			String tool, Instant timestamp, Double score, Boolean success) {

		static EntryView of(OutsideLearning.Entry e) {
			return new EntryView(e.statementId(), e.verb(), e.verbIri(), e.activityIri(), e.activityName(), e.tool(),
					e.at(), e.score(), e.success());
		}
	}

	record PageView(List<EntryView> statements, int page, int pages, long total) {
	}

	@GetMapping("/api/v1/people/{id}/outside-learning")
	@Operation(summary = "A page (from 1, 20 a page) of the person's learning outside Stride, newest first")
	PageView page(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page) {
		OutsideLearning.Page found = outsideLearning.about(me, new PersonId(id), page);
		return new PageView(found.entries().stream().map(EntryView::of).toList(), found.page(), found.pages(),
				found.total());
	}
}
