package io.stride.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;

/**
 * One submission of one course version. Steps are decided in order; the case is approved when the last is.
 * A spot-check is a case opened after a low-risk course was published: one peer looks at it within the policy's days.
 * {@code comments} are the threads on this version of the course, from this case and earlier ones.
 */
public record ReviewCase(String id, CourseId courseId, int version, RiskTier tier, String status, PersonId authorId,
		Instant createdAt, List<ReviewStep> steps, List<ReviewComment> comments, String kind, Instant dueAt,
		String topic) {

	public static final String BEFORE_PUBLISHING = "BEFORE_PUBLISHING";

	public static final String SPOT_CHECK = "SPOT_CHECK";

	public Optional<ReviewStep> currentStep() {
		return steps.stream().filter(ReviewStep::pending).findFirst();
	}

	public boolean open() {
		return "OPEN".equals(status);
	}

	public boolean spotCheck() {
		return SPOT_CHECK.equals(kind);
	}

	public boolean overdue() {
		return open() && dueAt != null && dueAt.isBefore(Instant.now());
	}

	/** How long the case has waited, in whole hours. */
	public long ageHours() {
		return Duration.between(createdAt, Instant.now()).toHours();
	}

	public long openThreads() {
		return comments.stream().filter(c -> c.parentId() == null && c.resolvedAt() == null).count();
	}

	public record ReviewComment(String id, String parentId, String authorId, String anchor, String body, Instant createdAt,
			Instant resolvedAt, String resolvedBy) {

		public boolean resolved() {
			return resolvedAt != null;
		}
	}
}
