package io.stride.cycles;

/** What the person says when closing a cycle: did they learn what the goal set out to? */
public enum GoalOutcome {
	LEARNED, PARTLY, NOT_LEARNED
}
