package io.stride.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;

/**
 * One submission of one course version. Steps are decided in order; the case is approved when the last is.
 */
public record ReviewCase(String id, CourseId courseId, int version, RiskTier tier, String status, PersonId authorId,
		Instant createdAt, List<ReviewStep> steps, List<ReviewComment> comments) {

	public Optional<ReviewStep> currentStep() {
		return steps.stream().filter(ReviewStep::pending).findFirst();
	}

	public boolean open() {
		return "OPEN".equals(status);
	}

	public record ReviewComment(String id, String authorId, String anchor, String body, Instant createdAt) {
	}
}
