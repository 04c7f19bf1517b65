package io.stride.analytics.items;

import java.util.List;

import io.stride.authoring.QuestionKind;

/**
 * One question's statistics over the attempts that were asked it. Fractions from 0 to 1 (indices from -1 to 1);
 * null where a figure cannot be computed (fewer than two attempts, or no spread to correlate).
 * @param position the question's place in the quiz, from 1
 * @param attempts attempts that were asked the question (a blank answer counts, it scored 0)
 * @param facility the mean score fraction
 * @param standardDeviation of the score fractions (sample, n - 1)
 * @param discriminationIndex Pearson correlation of the question's score with the rest of the test
 * @param discriminativeEfficiency the covariance with the rest of the test over the largest covariance those scores
 * could have
 * @param optionCounts for choice questions, how many attempts picked each option; empty for other kinds
 * @param strongGroupCounts the same counts within the strong group (the top 27% by total score)
 */
public record ItemAnalysisQuestion(String questionId, int position, String prompt, QuestionKind kind,
		List<String> options, List<Integer> correct, int attempts, Double facility, Double standardDeviation,
		Double discriminationIndex, Double discriminativeEfficiency, List<Integer> optionCounts,
		List<Integer> strongGroupCounts, List<ItemAnalysisFlag> flags) {

	public boolean flagged() {
		return !flags.isEmpty();
	}
}
