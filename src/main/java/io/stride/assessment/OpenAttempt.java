package io.stride.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A quiz attempt in progress, kept on the server: the questions drawn for it in the order shown, the answers saved
 * so far and, for a timed quiz, the deadline. Its id becomes the id of the submitted attempt.
 * @param used attempts submitted before this one
 * @param limit attempts allowed; null for no limit
 */
public record OpenAttempt(String id, CourseId courseId, PersonId personId, List<DrawnQuestion> questions,
		Map<String, Answer> answers, Instant startedAt, Instant deadline, int used, Integer limit, int passMark,
		boolean resumed) {

	public OpenAttempt {
		questions = List.copyOf(questions);
		answers = Map.copyOf(answers);
	}

	/** The saved answer to a question, or null. */
	public Answer answer(String questionId) {
		return answers.get(questionId);
	}

	/** Which attempt this is: 1 for the first. */
	public int number() {
		return used + 1;
	}
}
