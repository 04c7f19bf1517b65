package io.stride.authoring;

import io.stride.shared.InvalidInputException;

/**
 * When a learner sees the right answers and explanations of the final quiz. Until then the result says only which
 * answers were right; otherwise a blank first attempt would hand over the key for a perfect second one.
 */
public enum AnswersShown {

	AFTER_EACH_ATTEMPT("After each attempt"),

	ONCE_PASSED_OR_OUT_OF_ATTEMPTS("Once the learner has passed or has no attempts left"),

	NEVER("Never: learners see only which answers were right");

	public static final AnswersShown DEFAULT = ONCE_PASSED_OR_OUT_OF_ATTEMPTS;

	private final String label;

	AnswersShown(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether a learner in this situation may see the right answers. */
	public boolean shows(boolean passed, boolean outOfAttempts) {
		return switch (this) {
			case AFTER_EACH_ATTEMPT -> true;
			case ONCE_PASSED_OR_OUT_OF_ATTEMPTS -> passed || outOfAttempts;
			case NEVER -> false;
		};
	}

	/** What a learner is told while the answers are hidden. */
	public String hiddenNote() {
		return this == NEVER ? "This quiz does not show the right answers or explanations."
				: "The right answers and explanations are shown once you pass or have no attempts left.";
	}

	/** The setting named by its constant; null or blank is the default. */
	public static AnswersShown parse(String name) {
		if (name == null || name.isBlank()) {
			return DEFAULT;
		}
		try {
			return valueOf(name.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("answersShown",
					"Right answers are shown AFTER_EACH_ATTEMPT, ONCE_PASSED_OR_OUT_OF_ATTEMPTS or NEVER.");
		}
	}
}
