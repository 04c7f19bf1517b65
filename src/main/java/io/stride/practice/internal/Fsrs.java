package io.stride.practice.internal;

/**
 * The Free Spaced Repetition Scheduler, version 5 (FSRS-5), with its published default parameters, written from
 * the formulas in "The Algorithm" on the fsrs4anki wiki
 * (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm, section FSRS-5), checked against the
 * documentation of the reference implementation ts-fsrs. See also docs/decisions/0007-spaced-review-with-fsrs-5.md.
 *
 * <p>A card's memory is two numbers: stability {@code S} (days until recall drops to 90%) and difficulty
 * {@code D} (1 to 10). Grades {@code G} are Again = 1, Hard = 2, Good = 3, Easy = 4. With
 * {@code DECAY = -0.5} and {@code FACTOR = 0.9^(1/DECAY) - 1 = 19/81}:
 * <ul>
 * <li>retrievability after {@code t} days: {@code R(t,S) = (1 + FACTOR * t / S)^DECAY}</li>
 * <li>interval for a requested retention {@code r}: {@code I(r,S) = S / FACTOR * (r^(1/DECAY) - 1)}, which is
 * {@code S} for r = 0.9; rounded to whole days, at least 1 and at most 36,500</li>
 * <li>first rating: {@code S0(G) = w[G-1]}; {@code D0(G) = w4 - e^(w5 * (G - 1)) + 1}, clamped to [1, 10]</li>
 * <li>difficulty after a review: {@code ΔD = -w6 * (G - 3)}; linear damping {@code D' = D + ΔD * (10 - D) / 9};
 * mean reversion {@code D'' = w7 * D0(4) + (1 - w7) * D'}, clamped to [1, 10]</li>
 * <li>stability after a recall (G ≥ 2): {@code S'r = S * (e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1)
 * * (w15 if G = 2) * (w16 if G = 4) + 1)}</li>
 * <li>stability after a lapse (G = 1): {@code S'f = w11 * D^-w12 * ((S + 1)^w13 - 1) * e^(w14 * (1 - R))}, never
 * more than {@code S / e^(w17 * w18)} (a lapse does not make memory stronger)</li>
 * <li>a second review on the same day ({@code t < 1}): {@code S' = S * e^(w17 * (G - 3 + w18))}</li>
 * </ul>
 * Stability and difficulty updates use the difficulty from before the review, as the reference implementations do.
 * There is no fuzz: the same answers give the same schedule, which tests and learners can follow.
 */
public final class Fsrs {

	/** FSRS-5 default parameters w[0..18]. */
	static final double[] W = { 0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
			1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621 };

	static final double DECAY = -0.5;

	static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1;

	public static final double REQUESTED_RETENTION = 0.9;

	static final int MAX_INTERVAL_DAYS = 36_500;

	private static final double MIN_STABILITY = 0.01;

	private Fsrs() {
	}

	/** How well a card was recalled, as FSRS grades it. */
	public enum Rating {
		AGAIN(1), HARD(2), GOOD(3), EASY(4);

		private final int grade;

		Rating(int grade) {
			this.grade = grade;
		}

		public int grade() {
			return grade;
		}

		public boolean recalled() {
			return this != AGAIN;
		}
	}

	/** A card's memory: stability in days and difficulty from 1 to 10. */
	public record Memory(double stability, double difficulty) {
	}

	/** The memory after the first rating of a new card. */
	public static Memory first(Rating rating) {
		return new Memory(Math.max(W[rating.grade() - 1], MIN_STABILITY), initialDifficulty(rating));
	}

	/** The memory after a review {@code elapsedDays} after the previous one. */
	public static Memory next(Memory memory, double elapsedDays, Rating rating) {
		double s = memory.stability();
		double d = memory.difficulty();
		double stability;
		if (elapsedDays < 1) {
			stability = s * Math.exp(W[17] * (rating.grade() - 3 + W[18]));
		}
		else {
			double r = retrievability(elapsedDays, s);
			stability = rating.recalled() ? recallStability(d, s, r, rating) : lapseStability(d, s, r);
		}
		return new Memory(Math.max(stability, MIN_STABILITY), nextDifficulty(d, rating));
	}

	/** The predicted probability of recall {@code elapsedDays} after the last review. */
	public static double retrievability(double elapsedDays, double stability) {
		return Math.pow(1 + FACTOR * Math.max(elapsedDays, 0) / stability, DECAY);
	}

	/** Days until the next review for the requested retention of 90%. */
	public static int intervalDays(double stability) {
		double interval = stability / FACTOR * (Math.pow(REQUESTED_RETENTION, 1 / DECAY) - 1);
		return (int) Math.min(Math.max(Math.round(interval), 1), MAX_INTERVAL_DAYS);
	}

	static double initialDifficulty(Rating rating) {
		return clampDifficulty(W[4] - Math.exp(W[5] * (rating.grade() - 1)) + 1);
	}

	static double nextDifficulty(double d, Rating rating) {
		double delta = -W[6] * (rating.grade() - 3);
		double damped = d + delta * (10 - d) / 9;
		return clampDifficulty(W[7] * initialDifficulty(Rating.EASY) + (1 - W[7]) * damped);
	}

	private static double recallStability(double d, double s, double r, Rating rating) {
		double hardPenalty = rating == Rating.HARD ? W[15] : 1;
		double easyBonus = rating == Rating.EASY ? W[16] : 1;
		return s * (Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp(W[10] * (1 - r)) - 1) * hardPenalty
				* easyBonus + 1);
	}

	private static double lapseStability(double d, double s, double r) {
		double forgotten = W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r));
		return Math.min(forgotten, s / Math.exp(W[17] * W[18]));
	}

	private static double clampDifficulty(double d) {
		return Math.min(Math.max(d, 1), 10);
	}
}
