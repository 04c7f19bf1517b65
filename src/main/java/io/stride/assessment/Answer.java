package io.stride.assessment;

import java.util.List;

/**
 * The options a learner selected for one question, by index.
 */
public record Answer(String questionId, List<Integer> selected) {

	public Answer {
		selected = selected == null ? List.of() : selected.stream().map(i -> i == null ? -1 : i).toList();
	}
}
