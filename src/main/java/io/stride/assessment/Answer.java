package io.stride.assessment;

import java.util.List;

/**
 * A learner's answer to one question. {@code selected}: the options picked (choice kinds), the options in the
 * learner's order (ordering), or for each item the index of its match, -1 for none (matching). {@code text}: the
 * typed answer (short answer, numeric).
 */
public record Answer(String questionId, List<Integer> selected, String text) {

	public Answer(String questionId, List<Integer> selected) {
		this(questionId, selected, null);
	}

	public Answer {
		selected = selected == null ? List.of() : selected.stream().map(i -> i == null ? -1 : i).toList();
		text = text == null || text.isBlank() ? null : text;
	}

	/** Whether the learner gave nothing at all. */
	public boolean unanswered() {
		return text == null && selected.stream().allMatch(i -> i < 0);
	}
}
