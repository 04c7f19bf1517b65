package io.stride.review.web;

import java.util.List;
import java.util.Map;

import io.stride.authoring.ReviewPolicies;
import io.stride.authoring.ReviewPolicy;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.review.ReviewerProfile;
import io.stride.review.Reviews;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review policies", description = "Admins: the review policy per risk tier, and who reviews what")
@SecurityRequirement(name = "bearer")
class ReviewPolicyApi {

	private final ReviewPolicies policies;

	private final Reviews reviews;

	ReviewPolicyApi(ReviewPolicies policies, Reviews reviews) {
		this.policies = policies;
		this.reviews = reviews;
	}

	record PolicyBody(List<ReviewPolicy.Step> steps, Integer slaHours, Integer reviewMonths, Integer spotCheckDays,
			Boolean recertifyOnChange, Integer recertifyMonths) {
	}

	record ReviewerBody(List<String> topics, Boolean learningTeam, Boolean compliance) {
	}

	@GetMapping("/api/v1/review-policies")
	@Operation(summary = "The policy of each risk tier (admins)")
	List<ReviewPolicy> all(Viewer me) {
		if (!me.isAdmin()) {
			throw new ForbiddenException("Only admins see review policies.");
		}
		return policies.all();
	}

	@PutMapping("/api/v1/review-policies/{tier}")
	@Operation(summary = "Replace a tier's policy (admins); 422 with field errors for invalid values")
	ReviewPolicy update(Viewer me, @PathVariable String tier, @RequestBody PolicyBody body) {
		if (!me.isAdmin()) {
			throw new ForbiddenException("Only admins change review policies.");
		}
		if (body == null || body.slaHours() == null || body.reviewMonths() == null) {
			throw new InvalidInputException("The policy was not saved.",
					Map.of("slaHours", "Send slaHours and reviewMonths."));
		}
		return policies.update(me, new ReviewPolicy(ReviewPolicyController.tier(tier), body.steps(), body.slaHours(),
				body.reviewMonths(), body.spotCheckDays(), Boolean.TRUE.equals(body.recertifyOnChange()),
				body.recertifyMonths()));
	}

	@GetMapping("/api/v1/reviewers")
	@Operation(summary = "People with the reviewer role and what they review (admins)")
	List<Reviews.ReviewerEntry> reviewers(Viewer me) {
		return reviews.reviewers(me);
	}

	@PutMapping("/api/v1/reviewers/{personId}")
	@Operation(summary = "Set what a reviewer reviews: topics, all topics (L&D), compliance (admins)")
	ReviewerProfile setUp(Viewer me, @PathVariable String personId, @RequestBody ReviewerBody body) {
		if (!Ids.looksValid(personId)) {
			throw new NotFoundException("Person");
		}
		return reviews.setUp(me, new PersonId(personId),
				body.topics() == null ? "" : String.join(",", body.topics()), Boolean.TRUE.equals(body.learningTeam()),
				Boolean.TRUE.equals(body.compliance()));
	}
}
