package io.stride.authoring;

/**
 * How the final quiz is taken; kept with the course content, so every published version keeps its own.
 * @param attemptLimit how many attempts a learner may submit; null for no limit
 * @param timeLimitMinutes how long an attempt may take; null for no limit
 * @param drawCount how many questions are drawn at random for each attempt; null for all of them
 * @param shuffleOptions whether each attempt shows the options of choice and ordering questions in a new order
 * @param answersShown when learners see the right answers and explanations; versions published before the setting
 *     existed read as the default
 */
public record QuizSettings(Integer attemptLimit, Integer timeLimitMinutes, Integer drawCount, boolean shuffleOptions,
		AnswersShown answersShown) {

	public static final QuizSettings NONE = new QuizSettings(null, null, null, false);

	public static final int MAX_ATTEMPTS = 100;

	public static final int MAX_MINUTES = 24 * 60;

	public QuizSettings {
		answersShown = answersShown == null ? AnswersShown.DEFAULT : answersShown;
	}

	public QuizSettings(Integer attemptLimit, Integer timeLimitMinutes, Integer drawCount, boolean shuffleOptions) {
		this(attemptLimit, timeLimitMinutes, drawCount, shuffleOptions, AnswersShown.DEFAULT);
	}

	public boolean timed() {
		return timeLimitMinutes != null;
	}

	public boolean limitsAttempts() {
		return attemptLimit != null;
	}
}
