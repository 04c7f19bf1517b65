package io.stride.tracks;

/** What a step asks of the person. */
public enum StepKind {
	/** A published course; done when the person completes it, here or before enrolling. */
	COURSE,
	/** A component of the library (a lesson, module or question); done when the person has completed it in any course. */
	COMPONENT,
	/** A task observed at work; done with a sign-off (a mastery checklist task when named) or the manager's confirmation. */
	OBSERVED_TASK,
	/** A learning-cycle goal suggestion; done when a goal taken from it is closed as learned. */
	GOAL_SUGGESTION,
	/** An activity outside Stride (a link); done as its confirmation says. */
	EXTERNAL
}
