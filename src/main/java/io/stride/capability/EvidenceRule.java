package io.stride.capability;

import io.stride.authoring.CourseId;

/**
 * One evidence rule of a level. Which fields are set depends on the kind: {@code courseId} for
 * {@link RuleKind#COURSE_MASTERED} (with {@code currentVersion}) and {@link RuleKind#SPACED_REVIEWS} (with
 * {@code count}); {@code taskId} for {@link RuleKind#TASK_SIGNED_OFF}; {@code certificateName} (optional) for
 * {@link RuleKind#CERTIFICATE}; {@code count} for {@link RuleKind#VALIDATIONS}. {@code label} says it in words, e.g.
 * "Mastered “Running an executive business review” (current version)".
 */
public record EvidenceRule(String id, int level, RuleKind kind, CourseId courseId, boolean currentVersion, String taskId,
		Integer count, String certificateName, String label) {
}
