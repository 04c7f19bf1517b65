package io.stride.review.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stride.authoring.CourseChanges;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.review.ChangesInReview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review", description = "Publishing through the review policy of the course's risk tier")
@SecurityRequirement(name = "bearer")
class ReviewChangesApi {

	private final ChangesInReview changesInReview;

	ReviewChangesApi(ChangesInReview changesInReview) {
		this.changesInReview = changesInReview;
	}

	record ChangedLineView(String change, String text) {
	}

	record PartSourceView(String courseId, String title, int version, String elementId, String mode, String authorId) {
	}

	record ReviewedBeforeView(String courseId, int version, boolean reviewed, boolean spotCheck, List<String> approvedBy,
			Instant approvedAt) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChangedPartView(String kind, String elementId, String title, String state, List<ChangedLineView> diff,
			PartSourceView source, ReviewedBeforeView reviewedBefore) {
	}

	record ReviewChangesView(String caseId, String courseId, int version, Integer comparedWith, int total,
			int newOrChanged, List<ChangedPartView> parts) {
	}

	@GetMapping("/api/v1/reviews/{caseId}/changes")
	@Operation(summary = "Review proportionate to change: every part of the version in review (settings, each lesson, "
			+ "knowledge check and quiz question, and parts removed) with its state against the last published version "
			+ "and, for reused parts, their source: NEW, CHANGED (with a line diff), UNCHANGED or REUSED (with where they "
			+ "were reviewed before), REMOVED. 'comparedWith' is null for a first version, where every part is new. For the "
			+ "course's author, reviewers and admins; 404 for anyone else and for an unknown case")
	ReviewChangesView changes(Viewer me, @PathVariable String caseId) {
		ChangesInReview.Changes changes = changesInReview.of(me, caseId);
		CourseChanges c = changes.changes();
		return new ReviewChangesView(changes.reviewCase().id(), c.courseId().value(), c.version(), c.comparedWith(),
				c.total(), c.newOrChanged(), c.parts().stream().map(p -> view(p, changes.before(p))).toList());
	}

	private static ChangedPartView view(CourseChanges.Part p, ChangesInReview.ReviewedBefore before) {
		CourseChanges.Source s = p.source();
		return new ChangedPartView(p.kind().name(), p.elementId(), p.title(), p.state().name(),
				p.toRead() ? p.diff().stream().map(l -> new ChangedLineView(l.change().name(), l.text())).toList() : null,
				s == null ? null : new PartSourceView(s.courseId().value(), s.title(), s.version(), s.elementId(), s.mode(),
						s.authorId() == null ? null : s.authorId().value()),
				before == null ? null : new ReviewedBeforeView(before.courseId().value(), before.version(), before.reviewed(),
						before.spotCheck(), before.approvedBy().stream().map(PersonId::value).toList(), before.approvedAt()));
	}
}
