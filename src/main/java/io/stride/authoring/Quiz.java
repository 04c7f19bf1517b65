package io.stride.authoring;

import java.util.List;

public record Quiz(int passMark, List<Question> questions) {

	public Quiz {
		questions = questions == null ? List.of() : List.copyOf(questions);
	}

	public boolean isEmpty() {
		return questions.isEmpty();
	}
}
