package io.stride.rhythm;

/**
 * An intervention as typed, ids and numbers as text so that each bad value is reported at its field. By kind:
 * ASSIGN_COURSE a published {@code courseId} (and optionally {@code personId}); PAIR_OR_SHADOW, PRACTICE_ON_REAL_WORK
 * and PROPOSE_CYCLE_GOAL a {@code personId} (practice optionally the observed {@code taskId} to sign off);
 * ALLOCATE_HOURS {@code hours} above 0. {@code dueOn} as YYYY-MM-DD; {@code metricId} optional.
 */
public record InterventionDraft(String kind, String capabilityId, String ownerId, String dueOn, String metricId,
		String description, String courseId, String personId, String hours, String taskId) {
}
