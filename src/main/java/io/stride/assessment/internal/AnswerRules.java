package io.stride.assessment.internal;

import java.util.HashSet;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.authoring.Question;
import io.stride.shared.InvalidInputException;

/**
 * What an answer may hold for its kind of question; anything else is refused with a reason.
 */
public final class AnswerRules {

	public static final int MAX_TEXT = 500;

	private AnswerRules() {
	}

	public static void check(Question question, Answer answer) {
		List<Integer> selected = answer.selected();
		if (answer.text() != null && answer.text().length() > MAX_TEXT) {
			throw new InvalidInputException("text", "Keep the answer under " + MAX_TEXT + " characters.");
		}
		switch (question.kind()) {
			case SHORT_ANSWER, NUMERIC -> {
				if (!selected.isEmpty()) {
					throw new InvalidInputException("selected", "Type the answer to \"" + question.prompt()
							+ "\" as text; it has no options to select.");
				}
			}
			case MATCHING -> {
				if (selected.size() > question.options().size()
						|| selected.stream().anyMatch(i -> i < -1 || i >= question.matches().size())) {
					throw new InvalidInputException("selected", "An answer matches an item that does not exist.");
				}
				List<Integer> used = selected.stream().filter(i -> i >= 0).toList();
				if (new HashSet<>(used).size() < used.size()) {
					throw new InvalidInputException("selected", "Use each match once for: " + question.prompt());
				}
			}
			case ORDERING -> {
				// -1: a place the learner has not filled yet (saved as they go)
				if (selected.size() > question.options().size()
						|| selected.stream().anyMatch(i -> i < -1 || i >= question.options().size())) {
					throw new InvalidInputException("selected", "An order lists steps that do not exist.");
				}
			}
			default -> {
				if (selected.stream().anyMatch(i -> i < 0 || i >= question.options().size())) {
					throw new InvalidInputException("selected", "An answer selects an option that does not exist.");
				}
				if (question.kind().singleAnswer() && new HashSet<>(selected).size() > 1) {
					throw new InvalidInputException("selected", "Choose one option for: " + question.prompt());
				}
			}
		}
	}

	/** The answer as it is kept: choices as a sorted set, sequences as given. */
	public static Answer canonical(Question question, Answer answer) {
		if (question.kind().choice()) {
			return new Answer(answer.questionId(), answer.selected().stream().distinct().sorted().toList(), answer.text());
		}
		return answer;
	}
}
