package io.stride.authoring;

import java.util.List;

/**
 * The final quiz: its questions, pass mark and how it is taken. Knowledge checks after lessons live with their
 * lessons ({@link Lesson#knowledgeChecks()}) and are not part of it.
 */
public record Quiz(int passMark, List<Question> questions, QuizSettings settings) {

	public Quiz(int passMark, List<Question> questions) {
		this(passMark, questions, QuizSettings.NONE);
	}

	public Quiz {
		questions = questions == null ? List.of() : List.copyOf(questions);
		settings = settings == null ? QuizSettings.NONE : settings;
	}

	public boolean isEmpty() {
		return questions.isEmpty();
	}

	/** The same quiz (pass mark and settings kept) with other questions. */
	public Quiz withQuestions(List<Question> newQuestions) {
		return new Quiz(passMark, newQuestions, settings);
	}
}
