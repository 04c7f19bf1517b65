package io.stride.mastery;

/**
 * The kinds of criterion a course's mastery can ask for.
 */
public enum Criterion {
	/** The best quiz score reaches the pass mark (organization default, or a higher local one). */
	QUIZ_SCORE,
	/** A task of the team's observed checklist is signed off. */
	OBSERVED_TASK,
	/** Enough spaced reviews of the course's questions were answered right. */
	SPACED_REVIEWS
}
