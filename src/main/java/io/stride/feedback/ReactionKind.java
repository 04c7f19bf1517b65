package io.stride.feedback;

import java.util.Locale;
import java.util.Optional;

/**
 * What a learner thought of a lesson. Unclear and outdated ask the author to improve it.
 */
public enum ReactionKind {

	HELPFUL("Helpful"), UNCLEAR("Unclear"), OUTDATED("Outdated");

	private final String label;

	ReactionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the reaction asks the author to improve the lesson. */
	public boolean asksForImprovement() {
		return this != HELPFUL;
	}

	public static Optional<ReactionKind> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
