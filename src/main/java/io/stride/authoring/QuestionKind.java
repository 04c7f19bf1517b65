package io.stride.authoring;

/**
 * Every kind the API names. Authoring accepts the choice kinds today; the others arrive with rich assessment.
 */
public enum QuestionKind {
	SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, ORDERING, SHORT_ANSWER, MATCHING, NUMERIC;

	public boolean supported() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == TRUE_FALSE || this == ORDERING;
	}

	/** The answer is a sequence of all options, not a choice among them. */
	public boolean ordered() {
		return this == ORDERING;
	}

	public boolean singleAnswer() {
		return this == SINGLE_CHOICE || this == TRUE_FALSE;
	}
}
