package io.stride.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How learners reacted to a course's lessons (each learner's current reaction per lesson).
 */
public record ReactionScore(int helpful, int unclear, int outdated) {

	public static final ReactionScore NONE = new ReactionScore(0, 0, 0);

	/**
	 * Below this many reactions the score is not shown as a figure: one learner's "unclear" would make it −100, and
	 * a reader would take that for the course's standing.
	 */
	public static final int MIN_FOR_SCORE = 5;

	public int total() {
		return helpful + unclear + outdated;
	}

	/**
	 * (helpful − unclear − outdated) / reactions × 100, from −100 (all negative) to 100 (all helpful), rounded to a
	 * whole number with halves away from zero; null while there are no reactions.
	 */
	public Integer score() {
		if (total() == 0) {
			return null;
		}
		return BigDecimal.valueOf(100L * (helpful - unclear - outdated))
			.divide(BigDecimal.valueOf(total()), 0, RoundingMode.HALF_UP)
			.intValueExact();
	}

	/** Some reactions, but too few for the score to mean much. */
	public boolean tooFew() {
		return total() > 0 && total() < MIN_FOR_SCORE;
	}

	/**
	 * The score as a reader should take it, with what it rests on: "60 (from −100 to 100) from 5 reactions", "too
	 * few reactions to go by (1 so far; a score shows from 5)" or "no reactions yet".
	 */
	public String summary() {
		if (total() == 0) {
			return "no reactions yet";
		}
		if (tooFew()) {
			return "too few reactions to go by (" + total() + " so far; a score shows from " + MIN_FOR_SCORE + ")";
		}
		return score() + " (from −100 to 100) from " + total() + " reactions";
	}

	/** "4 helpful, 0 unclear, 1 outdated". */
	public String counts() {
		return helpful + " helpful, " + unclear + " unclear, " + outdated + " outdated";
	}

	/** These counts with {@code count} more reactions of {@code kind}. */
	public ReactionScore plus(ReactionKind kind, int count) {
		return switch (kind) {
			case HELPFUL -> new ReactionScore(helpful + count, unclear, outdated);
			case UNCLEAR -> new ReactionScore(helpful, unclear + count, outdated);
			case OUTDATED -> new ReactionScore(helpful, unclear, outdated + count);
		};
	}
}
