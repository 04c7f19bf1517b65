package io.stride.assessment.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;

/**
 * A question as learners are shown it, without its answer. Choice and ordering: {@code options} in the order shown.
 * Matching: {@code options} are the items (answer with the index of each item's match, -1 for none, in item order),
 * {@code matches} in the order shown. Short answer and numeric: answer with {@code text}.
 */
record ShownQuestion(String id, QuestionKind kind, String prompt, List<Option> options, List<Option> matches,
		String unit, String rule) {

	/** An option (or match) with the index answers use. */
	record Option(int index, String text) {
	}

	static ShownQuestion of(Question q, List<Integer> order) {
		List<Option> options = new ArrayList<>();
		List<Option> matches = new ArrayList<>();
		if (q.kind() == QuestionKind.MATCHING) {
			for (int i = 0; i < q.options().size(); i++) {
				options.add(new Option(i, q.options().get(i)));
			}
			order.forEach(i -> matches.add(new Option(i, q.matches().get(i))));
		}
		else {
			order.forEach(i -> options.add(new Option(i, q.options().get(i))));
		}
		return new ShownQuestion(q.id(), q.kind(), q.prompt(), options, matches,
				q.numeric() == null ? null : q.numeric().unit(), q.scoringRule());
	}
}
