package io.stride.authoring;

/**
 * How a question with several right parts (multiple select, matching) is scored; learners are told the rule.
 */
public enum Scoring {

	/** Full credit only for an answer that is right in every part. */
	ALL_OR_NOTHING,

	/**
	 * Multiple select: right picks minus wrong picks, over the number of right options, never below 0. Matching: the
	 * share of items matched correctly.
	 */
	PARTIAL;

	/** The rule in words, for learners, for the kind of question it applies to. */
	public String rule(QuestionKind kind) {
		if (kind == QuestionKind.MATCHING) {
			return this == PARTIAL ? "Each correct pair earns its share of the point."
					: "The point is earned only when every pair is right.";
		}
		return this == PARTIAL
				? "Partial credit: each right choice earns a share, each wrong choice takes one away (never below 0)."
				: "All or nothing: the point is earned only with exactly the right choices.";
	}
}
