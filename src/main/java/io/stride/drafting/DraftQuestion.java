package io.stride.drafting;

import java.util.List;

/**
 * A generated question. Kinds as in the course model: SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, ORDERING.
 * For ORDERING, {@code correct} lists the option indexes in the right order.
 */
public record DraftQuestion(String id, String kind, String prompt, List<String> options, List<Integer> correct,
		String explanation, Citation citation) {

	public DraftQuestion {
		options = List.copyOf(options);
		correct = List.copyOf(correct);
	}
}
