package io.stride.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reaction score worked out by hand: (helpful − unclear − outdated) / reactions × 100, rounded to a whole number
 * with halves away from zero.
 */
class ReactionScoreTests {

	@Test
	void noReactionsHaveNoScore() {
		assertThat(ReactionScore.NONE.score()).isNull();
		assertThat(ReactionScore.NONE.total()).isZero();
	}

	@Test
	void allHelpfulIsOneHundredAndAllNegativeIsMinusOneHundred() {
		assertThat(new ReactionScore(3, 0, 0).score()).isEqualTo(100);
		assertThat(new ReactionScore(0, 2, 1).score()).isEqualTo(-100);
	}

	@Test
	void mixedReactionsAreRounded() {
		// (2 − 1 − 0) / 3 × 100 = 33.3…
		assertThat(new ReactionScore(2, 1, 0).score()).isEqualTo(33);
		// (1 − 1 − 1) / 3 × 100 = −33.3…
		assertThat(new ReactionScore(1, 1, 1).score()).isEqualTo(-33);
		// (2 − 0 − 1) / 3 × 100 = 33.3…: outdated counts against like unclear
		assertThat(new ReactionScore(2, 0, 1).score()).isEqualTo(33);
		// (1 − 1) / 2 = 0
		assertThat(new ReactionScore(1, 1, 0).score()).isZero();
		// (5 − 2 − 1) / 8 × 100 = 25
		assertThat(new ReactionScore(5, 2, 1).score()).isEqualTo(25);
		// (4 − 1 − 1) / 6 × 100 = 33.3… rounds down; (5 − 1) / 6 × 100 = 66.7 rounds up
		assertThat(new ReactionScore(4, 1, 1).score()).isEqualTo(33);
		assertThat(new ReactionScore(5, 1, 0).score()).isEqualTo(67);
	}

	@Test
	void halvesRoundAwayFromZero() {
		// (15 − 1) / 16 × 100 = 87.5 and (1 − 15) / 16 × 100 = −87.5
		assertThat(new ReactionScore(15, 1, 0).score()).isEqualTo(88);
		assertThat(new ReactionScore(1, 10, 5).score()).isEqualTo(-88);
	}

	@Test
	void countsAddUp() {
		ReactionScore score = ReactionScore.NONE.plus(ReactionKind.HELPFUL, 2).plus(ReactionKind.OUTDATED, 1);
		assertThat(score).isEqualTo(new ReactionScore(2, 0, 1));
		assertThat(score.total()).isEqualTo(3);
	}
}
