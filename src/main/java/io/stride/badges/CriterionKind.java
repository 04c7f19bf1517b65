package io.stride.badges;

/** What must hold for a badge to be issued; each kind reads its own fields of {@link BadgeDraft}. */
public enum CriterionKind {

	/** The person holds the capability at the level's rank or above ({@code capabilityId}, {@code levelRank}). */
	CAPABILITY_LEVEL,

	/** The person closed a learning cycle with at least {@code minValidatedGoals} validated goals (default 1). */
	CYCLE_CLOSED_WITH_VALIDATED_GOALS,

	/** The person mastered the course ({@code courseId}). */
	COURSE_MASTERED
}
