package io.stride.authoring;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A quiz question with options and the indexes of the correct ones. {@code id} is null for a question not
 * saved yet.
 */
public record Question(String id, QuestionKind kind, String prompt, List<String> options, List<Integer> correct,
		String explanation, SourceNote source) {

	public Question(String id, QuestionKind kind, String prompt, List<String> options, List<Integer> correct,
			String explanation) {
		this(id, kind, prompt, options, correct, explanation, null);
	}

	public Question {
		// nulls from a sloppy client become values the rules can name ("Options cannot be empty")
		options = options == null ? List.of() : options.stream().map(o -> o == null ? "" : o).toList();
		List<Integer> given = correct == null ? List.of() : correct.stream().map(i -> i == null ? -1 : i).toList();
		// an ordering question's answer is the order itself; a choice question's is a set
		correct = kind == QuestionKind.ORDERING ? List.copyOf(given) : List.copyOf(new TreeSet<>(given));
		explanation = explanation == null ? "" : explanation;
	}

	/** All or nothing: the selection must be exactly the set of correct options. */
	public boolean isAnsweredCorrectlyBy(Set<Integer> selected) {
		return selected != null && selected.equals(Set.copyOf(correct));
	}

	/** For ordering questions the sequence must match; for the others the set of selected options. */
	public boolean isAnsweredCorrectlyBy(List<Integer> answer) {
		if (kind == QuestionKind.ORDERING) {
			return answer != null && answer.equals(correct);
		}
		return answer != null && isAnsweredCorrectlyBy(Set.copyOf(answer));
	}
}
