package io.stride.rhythm;

/** What a capability intervention does; a session records at most three. */
public enum InterventionKind {

	ASSIGN_COURSE("Assign a course"), COMMISSION_MODULE("Commission a module"),
	PAIR_OR_SHADOW("Pair or shadow with someone who holds the capability"),
	PRACTICE_ON_REAL_WORK("Practice on real work with an observed sign-off"),
	PROPOSE_CYCLE_GOAL("Propose a learning-cycle goal"), ALLOCATE_HOURS("Allocate learning hours");

	private final String label;

	InterventionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
