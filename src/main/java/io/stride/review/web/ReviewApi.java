package io.stride.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.review.OverlapCheck;
import io.stride.review.ReviewCase;
import io.stride.review.Reviews;
import io.stride.review.VersionDiff;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review", description = "Publishing through the review policy of the course's risk tier")
@SecurityRequirement(name = "bearer")
class ReviewApi {

	private final Authoring authoring;

	private final Reviews reviews;

	private final OverlapCheck overlapCheck;

	ReviewApi(Authoring authoring, Reviews reviews, OverlapCheck overlapCheck) {
		this.authoring = authoring;
		this.reviews = reviews;
		this.overlapCheck = overlapCheck;
	}

	record Decision(String comment, String anchor) {
	}

	record StepView(String name, String who, String status, String decidedBy, Instant decidedAt,
			String comment) {
	}

	record CommentView(String id, String parentId, String authorId, String anchor, String body,
			Instant createdAt, boolean resolved, Instant resolvedAt) {

		static CommentView of(ReviewCase.ReviewComment c) {
			return new CommentView(c.id(), c.parentId(), c.authorId(), c.anchor(), c.body(), c.createdAt(), c.resolved(),
					c.resolvedAt());
		}
	}

	record CaseView(String id, String courseId, int version, String kind, String status, String tier, String topic,
			Instant createdAt, Instant dueAt, boolean overdue, long ageHours, List<StepView> steps,
			List<CommentView> comments) {

		static CaseView of(ReviewCase c) {
			return new CaseView(c.id(), c.courseId().value(), c.version(), c.kind(), c.status(), c.tier().name(), c.topic(),
					c.createdAt(), c.dueAt(), c.overdue(), c.ageHours(),
					c.steps().stream().map(s -> new StepView(s.name(), s.who().name(), s.status(), s.decidedBy(),
							s.decidedAt(), s.comment())).toList(),
					c.comments().stream().map(CommentView::of).toList());
		}
	}

	record CommentBody(String body, String anchor, String parentId) {
	}

	record RejectBody(String reason) {
	}

	@PostMapping("/api/v1/courses/{id}/publish")
	@Operation(summary = "Publish: at once for low risk (200), otherwise into review (202 with the review case)")
	ResponseEntity<Map<String, Object>> publish(Viewer me, @PathVariable String id) {
		Course course = authoring.editable(me, new CourseId(id));
		Course result = authoring.requestPublication(me, course.id(), course.revision());
		if (result.isPublished()) {
			return ResponseEntity.ok(Map.of("id", result.id().value(), "version", result.version(), "status", "PUBLISHED"));
		}
		ReviewCase reviewCase = reviews.latestFor(result.id()).orElseThrow();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", result.id().value(), "version", result.version(), "reviewCaseId", reviewCase.id(),
					"status", "IN_REVIEW"));
	}

	@GetMapping("/api/v1/reviews/{caseId}")
	CaseView reviewCase(Viewer me, @PathVariable String caseId) {
		return CaseView.of(reviews.reviewCase(me, caseId));
	}

	@PostMapping("/api/v1/reviews/{caseId}/approve")
	@Operation(summary = "Approve the current step; 403 for the author, an editor of this version, a non-reviewer or a second step by the same person")
	CaseView approve(Viewer me, @PathVariable String caseId, @RequestBody(required = false) Decision decision) {
		return CaseView.of(reviews.approve(me, caseId, decision == null ? null : decision.comment()));
	}

	@PostMapping("/api/v1/reviews/{caseId}/request-changes")
	@Operation(summary = "Send the course back to its author with what should change (a comment, optionally anchored to a lesson, paragraph or question)")
	CaseView requestChanges(Viewer me, @PathVariable String caseId, @RequestBody Decision decision) {
		return CaseView.of(reviews.requestChanges(me, caseId, decision.comment(), decision.anchor()));
	}

	@PostMapping("/api/v1/reviews/{caseId}/reject")
	@Operation(summary = "Reject the submission with a reason; the course goes back to its author as a draft")
	CaseView reject(Viewer me, @PathVariable String caseId, @RequestBody RejectBody body) {
		return CaseView.of(reviews.reject(me, caseId, body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/reviews/{caseId}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A reviewer's comment anchored to a lesson, paragraph or question, or a reply in a thread (parentId) by the author or a reviewer")
	CommentView comment(Viewer me, @PathVariable String caseId, @RequestBody CommentBody body) {
		return CommentView.of(reviews.comment(me, caseId, body.anchor(), body.body(), body.parentId()));
	}

	@PostMapping("/api/v1/review-comments/{commentId}/resolve")
	@Operation(summary = "Resolve a thread (its first comment), by the course's author or a reviewer; 409 when already resolved")
	CommentView resolve(Viewer me, @PathVariable String commentId) {
		return CommentView.of(reviews.resolve(me, commentId));
	}

	@GetMapping("/api/v1/courses/{id}/review-diff")
	@Operation(summary = "What the version being written or reviewed changes against the published one; 404 for a first version")
	VersionDiff.Report diff(Viewer me, @PathVariable String id) {
		Course course = authoring.editableOrReviewable(me, new CourseId(id));
		return authoring.previousPublished(course.id())
			.map(before -> VersionDiff.between(before, course))
			.orElseThrow(() -> new NotFoundException("Published version"));
	}

	@GetMapping("/api/v1/reviews/{caseId}/overlap")
	@Operation(summary = "Published courses that overlap the course in review, with passages side by side and conflicting facts")
	List<OverlapCheck.CourseOverlap> overlap(Viewer me, @PathVariable String caseId) {
		ReviewCase reviewCase = reviews.reviewCase(me, caseId);
		return overlapCheck.against(authoring.forReview(reviewCase.courseId()));
	}

	@GetMapping("/api/v1/me/reviews")
	@Operation(summary = "The caller's review queue")
	List<CaseView> queue(Viewer me) {
		return reviews.queue(me).stream().map(CaseView::of).toList();
	}
}
