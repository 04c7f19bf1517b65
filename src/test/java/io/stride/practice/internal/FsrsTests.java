package io.stride.practice.internal;

import io.stride.practice.internal.Fsrs.Memory;
import io.stride.practice.internal.Fsrs.Rating;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * FSRS-5 against values worked out by hand from the published formulas and default parameters (the working is in
 * each test), so that a slip in a formula or a parameter shows up as a wrong schedule.
 */
class FsrsTests {

	private static final double EPSILON = 1e-4;

	@Test
	void firstIntervalsAreTheInitialStabilitiesRoundedToWholeDays() {
		// S0(G) = w[G-1]: 0.40255, 1.18385, 3.173, 15.69105; at 90% retention the interval equals S
		assertThat(Fsrs.first(Rating.AGAIN).stability()).isCloseTo(0.40255, within(EPSILON));
		assertThat(Fsrs.intervalDays(Fsrs.first(Rating.AGAIN).stability())).isEqualTo(1); // 0.4 rounds to 0, at least 1
		assertThat(Fsrs.intervalDays(Fsrs.first(Rating.HARD).stability())).isEqualTo(1);
		assertThat(Fsrs.intervalDays(Fsrs.first(Rating.GOOD).stability())).isEqualTo(3);
		assertThat(Fsrs.intervalDays(Fsrs.first(Rating.EASY).stability())).isEqualTo(16);
	}

	@Test
	void initialDifficultyFallsWithABetterFirstRating() {
		// D0(G) = w4 - e^(w5 (G - 1)) + 1 with w4 = 7.1949, w5 = 0.5345
		assertThat(Fsrs.first(Rating.AGAIN).difficulty()).isCloseTo(7.1949, within(EPSILON)); // 7.1949 - 1 + 1
		assertThat(Fsrs.first(Rating.HARD).difficulty()).isCloseTo(6.48831, within(EPSILON)); // - e^0.5345 = 1.70659
		assertThat(Fsrs.first(Rating.GOOD).difficulty()).isCloseTo(5.28243, within(EPSILON)); // - e^1.069 = 2.91247
		assertThat(Fsrs.first(Rating.EASY).difficulty()).isCloseTo(3.22450, within(EPSILON)); // - e^1.6035 = 4.97040
	}

	@Test
	void retrievabilityFollowsThePowerForgettingCurve() {
		// R(t, S) = (1 + 19/81 t / S)^-0.5
		assertThat(Fsrs.retrievability(0, 3.173)).isEqualTo(1.0);
		assertThat(Fsrs.retrievability(3.173, 3.173)).isCloseTo(0.9, within(1e-12)); // by the choice of FACTOR
		assertThat(Fsrs.retrievability(10, 3.173)).isCloseTo(0.75826, within(EPSILON)); // (1 + 0.73926)^-0.5
		assertThat(Fsrs.retrievability(3, 3.173)).isCloseTo(0.90470, within(EPSILON)); // (1 + 0.22178)^-0.5
	}

	@Test
	void aRecalledCardGrowsStableAfterThreeDays() {
		// Good first, Good 3 days later: R = 0.904698; S' = S (e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) + 1)
		// = 3.173 (4.69149 * 5.71757 * 0.87141 * 0.10201 + 1) = 10.73893 days, so the next interval is 11 days
		Memory good = Fsrs.first(Rating.GOOD);
		Memory next = Fsrs.next(good, 3, Rating.GOOD);
		assertThat(next.stability()).isCloseTo(10.73893, within(EPSILON));
		assertThat(Fsrs.intervalDays(next.stability())).isEqualTo(11);
		// D' = w7 D0(4) + (1 - w7) (D + 0) = 0.0046 * 3.22450 + 0.9954 * 5.28243
		assertThat(next.difficulty()).isCloseTo(5.27297, within(EPSILON));
	}

	@Test
	void hardAndEasyScaleTheStabilityGain() {
		Memory good = Fsrs.first(Rating.GOOD);
		double gain = Fsrs.next(good, 3, Rating.GOOD).stability() - good.stability();
		// the gain is multiplied by w15 = 0.2315 for Hard and w16 = 2.9898 for Easy
		assertThat(Fsrs.next(good, 3, Rating.HARD).stability() - good.stability()).isCloseTo(gain * 0.2315, within(EPSILON));
		assertThat(Fsrs.next(good, 3, Rating.EASY).stability() - good.stability()).isCloseTo(gain * 2.9898, within(EPSILON));
	}

	@Test
	void aLapseShrinksStabilityAndRaisesDifficulty() {
		// Good first, Again 3 days later: S'f = w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R))
		// = (1.9395 * 5.28243^-0.11 = 1.61502) * 0.52645 * 1.24149 = 1.05556 (below the cap S / e^(w17 w18) = 2.25392)
		Memory lapsed = Fsrs.next(Fsrs.first(Rating.GOOD), 3, Rating.AGAIN);
		assertThat(lapsed.stability()).isCloseTo(1.05556, within(EPSILON));
		assertThat(Fsrs.intervalDays(lapsed.stability())).isEqualTo(1);
		// ΔD = -w6 (1 - 3) = 2.9208, damped by (10 - D) / 9 = 0.52417: D' = 6.81345; mean reversion gives 6.79693
		assertThat(lapsed.difficulty()).isCloseTo(6.79693, within(EPSILON));
	}

	@Test
	void aSecondReviewOnTheSameDayUsesTheShortTermFormula() {
		// S' = S e^(w17 (G - 3 + w18)) = 3.173 e^(0.51655 * 0.6621) = 4.46686 for Good
		assertThat(Fsrs.next(Fsrs.first(Rating.GOOD), 0, Rating.GOOD).stability()).isCloseTo(4.46686, within(EPSILON));
	}

	@Test
	void difficultyStaysBetweenOneAndTen() {
		Memory memory = Fsrs.first(Rating.AGAIN);
		for (int i = 0; i < 50; i++) {
			memory = Fsrs.next(memory, 1, Rating.AGAIN);
		}
		assertThat(memory.difficulty()).isLessThanOrEqualTo(10);
		memory = Fsrs.first(Rating.EASY);
		for (int i = 0; i < 50; i++) {
			memory = Fsrs.next(memory, Fsrs.intervalDays(memory.stability()), Rating.EASY);
		}
		assertThat(memory.difficulty()).isGreaterThanOrEqualTo(1);
		assertThat(Fsrs.intervalDays(memory.stability())).isEqualTo(36_500);
	}
}
