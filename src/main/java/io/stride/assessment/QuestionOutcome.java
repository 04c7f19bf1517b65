package io.stride.assessment;

import java.util.List;

/**
 * How one question of an attempt went: the answer given and the credit it earned (0 to 1; {@code correct} only for
 * full credit).
 */
public record QuestionOutcome(String questionId, List<Integer> selected, boolean correct, String text, Double credit) {

	public QuestionOutcome(String questionId, List<Integer> selected, boolean correct) {
		this(questionId, selected, correct, null, null);
	}

	public QuestionOutcome {
		selected = selected == null ? List.of() : List.copyOf(selected);
		// attempts stored before partial credit carry no credit: it was all or nothing
		credit = credit == null ? (correct ? 1.0 : 0.0) : credit;
	}

	/** Some credit, not all. */
	public boolean partial() {
		return credit > 0 && !correct;
	}

	public Answer answer() {
		return new Answer(questionId, selected, text);
	}
}
