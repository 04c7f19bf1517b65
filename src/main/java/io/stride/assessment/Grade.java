package io.stride.assessment;

/**
 * The credit one answer earned, as an exact fraction ({@code earned} of {@code of}), so that a quiz total is
 * compared with the pass mark without rounding.
 */
public record Grade(int earned, int of) {

	public static final Grade RIGHT = new Grade(1, 1);

	public static final Grade WRONG = new Grade(0, 1);

	public Grade {
		if (of <= 0 || earned < 0 || earned > of) {
			throw new IllegalArgumentException("A grade is 0 to " + of + " of " + of + ", not " + earned);
		}
	}

	public static Grade of(boolean right) {
		return right ? RIGHT : WRONG;
	}

	/** From 0 to 1. */
	public double credit() {
		return (double) earned / of;
	}

	public boolean correct() {
		return earned == of;
	}

	public boolean partial() {
		return earned > 0 && earned < of;
	}
}
