package io.stride.authoring;

/**
 * Every kind of question. Choice kinds are answered by picking options; ordering by putting the options in order;
 * matching by giving each option (left) one of the matches (right); short answer and numeric by typing text.
 */
public enum QuestionKind {
	SINGLE_CHOICE("Single choice"), MULTIPLE_CHOICE("Multiple select"), TRUE_FALSE("True / false"),
	ORDERING("Ordering (steps in the right order)"), SHORT_ANSWER("Short answer"), MATCHING("Matching (pairs)"),
	NUMERIC("Numeric (a number within a tolerance)");

	private final String label;

	QuestionKind(String label) {
		this.label = label;
	}

	/** Every kind can be authored, taken and graded. */
	public boolean supported() {
		return true;
	}

	public String label() {
		return label;
	}

	/** The answer is a sequence of all options, not a choice among them. */
	public boolean ordered() {
		return this == ORDERING;
	}

	public boolean singleAnswer() {
		return this == SINGLE_CHOICE || this == TRUE_FALSE;
	}

	/** Answered by picking among the options. */
	public boolean choice() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == TRUE_FALSE;
	}

	/** {@code correct} is a sequence (position matters), not a set of option indexes. */
	public boolean sequenced() {
		return this == ORDERING || this == MATCHING;
	}

	/** Answered with typed text rather than by option indexes. */
	public boolean typed() {
		return this == SHORT_ANSWER || this == NUMERIC;
	}

	/** Whether the author may choose partial credit. */
	public boolean allowsPartialCredit() {
		return this == MULTIPLE_CHOICE || this == MATCHING;
	}
}
