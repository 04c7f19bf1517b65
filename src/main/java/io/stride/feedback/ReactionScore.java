package io.stride.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How learners reacted to a course's lessons (each learner's current reaction per lesson).
 */
public record ReactionScore(int helpful, int unclear, int outdated) {

	public static final ReactionScore NONE = new ReactionScore(0, 0, 0);

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

	/** These counts with {@code count} more reactions of {@code kind}. */
	public ReactionScore plus(ReactionKind kind, int count) {
		return switch (kind) {
			case HELPFUL -> new ReactionScore(helpful + count, unclear, outdated);
			case UNCLEAR -> new ReactionScore(helpful, unclear + count, outdated);
			case OUTDATED -> new ReactionScore(helpful, unclear, outdated + count);
		};
	}
}
