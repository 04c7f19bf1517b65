package io.stride.capability;

import io.stride.authoring.CourseId;

/**
 * One evidence rule of a level. Which fields are set depends on the kind: {@code courseId} for
 * {@link RuleKind#COURSE_MASTERED} (with {@code currentVersion}) and {@link RuleKind#SPACED_REVIEWS} (with
 * {@code count}); {@code taskId} for {@link RuleKind#TASK_SIGNED_OFF}; {@code certificateName} (optional) for
 * {@link RuleKind#CERTIFICATE}; {@code count} for {@link RuleKind#VALIDATIONS}; {@code activityIri} (with an optional {@code activityName} and
 * {@code minScore}, a scaled score from 0 to 1) for {@link RuleKind#OUTSIDE_ACTIVITY}. {@code label} says it in words, e.g.
 * "Mastered “Running an executive business review” (current version)".
 */
public record EvidenceRule(String id, int level, RuleKind kind, CourseId courseId, boolean currentVersion, String taskId,
		Integer count, String certificateName, String label, String activityIri, String activityName, Double minScore) {

	/** A rule of a kind that names no outside activity. */
	public EvidenceRule(String id, int level, RuleKind kind, CourseId courseId, boolean currentVersion, String taskId,
			Integer count, String certificateName, String label) {
		this(id, level, kind, courseId, currentVersion, taskId, count, certificateName, label, null, null, null);
	}

	/** The same rule said in other words. */
	public EvidenceRule withLabel(String words) {
		return new EvidenceRule(id, level, kind, courseId, currentVersion, taskId, count, certificateName, words,
				activityIri, activityName, minScore);
	}
}
