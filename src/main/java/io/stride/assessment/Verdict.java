package io.stride.assessment;

/**
 * How an answer did, in words learners see.
 */
public enum Verdict {
	RIGHT("Right."), PARTLY_RIGHT("Partly right."), WRONG("Wrong.");

	private final String label;

	Verdict(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Verdict of(double credit) {
		return credit >= 1 ? RIGHT : credit > 0 ? PARTLY_RIGHT : WRONG;
	}
}
