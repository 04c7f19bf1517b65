package io.stride.assessment;

import java.util.List;

import io.stride.authoring.Question;

/**
 * A question as one attempt shows it: {@code order} lists option indexes in the order shown (for matching, the
 * indexes of the matches); empty for typed answers.
 */
public record DrawnQuestion(Question question, List<Integer> order) {

	public DrawnQuestion {
		order = order == null ? List.of() : List.copyOf(order);
	}
}
