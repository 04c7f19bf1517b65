package io.stride.analytics.items;

/**
 * Why a question deserves a second look, in words an author can act on.
 * @param option the option concerned (0-based), or null when the flag is about the whole question
 */
public record ItemAnalysisFlag(Kind kind, Integer option, String message) {

	public enum Kind {
		TOO_EASY("Too easy"), TOO_HARD("Too hard"), WEAK_DISCRIMINATION("Weak discrimination"),
		UNUSED_DISTRACTOR("Distractor nobody picks"), STRONG_GROUP_DISTRACTOR("Distractor beats the right answer");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
