package io.stride.capability;

import io.stride.authoring.CourseId;

/**
 * Evidence a person still lacks for a level, in words, with what a manager can do about it in one click:
 * {@code ASSIGN_COURSE} (courseId), {@code REQUEST_SIGN_OFF} (taskId), {@code PRACTICE} (courseId),
 * {@code CERTIFICATE}, {@code VALIDATION} or {@code OUTSIDE_ACTIVITY} (nothing to click; the person acts).
 */
public record MissingEvidence(String ruleId, RuleKind kind, String description, String action, CourseId courseId,
		String taskId) {
}
