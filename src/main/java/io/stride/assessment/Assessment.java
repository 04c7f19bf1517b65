package io.stride.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.assessment.internal.Attempts;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores quiz attempts. A submission carries an idempotency key: a retry, a double click or a reload after a
 * lost response returns the first attempt instead of recording a second one.
 */
@Service
public class Assessment {

	public static final int MAX_KEY_LENGTH = 100;

	private final Authoring authoring;

	private final Attempts attempts;

	private final LearningRecord record;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	Assessment(Authoring authoring, Attempts attempts, LearningRecord record, Organization organization,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.authoring = authoring;
		this.attempts = attempts;
		this.record = record;
		this.organization = organization;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public AttemptResult submit(Viewer learner, CourseId courseId, List<Answer> answers, String idempotencyKey) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? Ids.newId() : idempotencyKey.trim();
		if (key.length() > MAX_KEY_LENGTH) {
			throw new InvalidInputException("idempotencyKey", "The idempotency key is longer than 100 characters.");
		}
		for (int tries = 1;; tries++) {
			try {
				AttemptResult result = transactions.execute(status -> attempts.byKey(learner.id(), key)
					.orElseGet(() -> score(learner, courseId, answers, key)));
				if (!result.courseId().equals(courseId)) {
					throw new InvalidInputException("idempotencyKey",
							"This Idempotency-Key was already used for an attempt at another course.");
				}
				return result;
			}
			catch (DuplicateKeyException raced) {
				// either the same submission arrived twice at once (the first one won and answers both), or a
				// progress row was created by a parallel request: then this submission is simply tried again
				var first = transactions.execute(status -> attempts.byKey(learner.id(), key));
				if (first.isPresent() && first.get().courseId().equals(courseId)) {
					return first.get();
				}
				if (first.isPresent()) {
					throw new InvalidInputException("idempotencyKey",
							"This Idempotency-Key was already used for an attempt at another course.");
				}
				if (tries >= 3) {
					throw raced;
				}
			}
		}
	}

	public AttemptResult attempt(Viewer viewer, String attemptId) {
		AttemptResult attempt = transactions.execute(status -> attempts.byId(attemptId))
			.orElseThrow(() -> new NotFoundException("Attempt"));
		if (!organization.canSee(viewer, attempt.personId())) {
			throw new NotFoundException("Attempt");
		}
		return attempt;
	}

	public List<AttemptResult> attemptsOf(Viewer learner, CourseId course) {
		return transactions.execute(status -> attempts.of(learner.id(), course));
	}

	private AttemptResult score(Viewer learner, CourseId courseId, List<Answer> answers, String key) {
		Course course = authoring.deliverableFor(learner.id(), courseId);
		List<Question> questions = course.quiz().questions();
		if (questions.isEmpty()) {
			throw new InvalidInputException("answers", "This course has no quiz.");
		}
		Map<String, List<Integer>> given = given(course, answers == null ? List.of() : answers);
		List<QuestionOutcome> outcomes = new ArrayList<>();
		for (Question question : questions) {
			List<Integer> selected = given.getOrDefault(question.id(), List.of());
			outcomes.add(new QuestionOutcome(question.id(), selected, question.isAnsweredCorrectlyBy(selected)));
		}
		int correct = (int) outcomes.stream().filter(QuestionOutcome::correct).count();
		int score = Math.round(100f * correct / questions.size());
		// exact: 2 of 3 right is 66.7%, which does not reach a pass mark of 67
		boolean passed = correct * 100 >= course.quiz().passMark() * questions.size();
		AttemptResult result = new AttemptResult(Ids.newId(), courseId, learner.id(), score, passed, outcomes,
				Instant.now(), false);
		attempts.insert(result, key);
		recordStatements(learner, course, result);
		events.publishEvent(new QuizAttempted(courseId, learner.id(), learner.name(), result.attemptId(), score, passed));
		return result;
	}

	private static Map<String, List<Integer>> given(Course course, List<Answer> answers) {
		Map<String, List<Integer>> given = new HashMap<>();
		for (Answer answer : answers) {
			Question question = course.question(answer.questionId())
				.orElseThrow(() -> new InvalidInputException("answers",
						"An answer names a question that is not in this quiz: " + answer.questionId()));
			Set<Integer> selected = new HashSet<>(answer.selected());
			if (selected.stream().anyMatch(i -> i == null || i < 0 || i >= question.options().size())) {
				throw new InvalidInputException("answers", "An answer selects an option that does not exist.");
			}
			if (question.kind().singleAnswer() && selected.size() > 1) {
				throw new InvalidInputException("answers", "Choose one option for: " + question.prompt());
			}
			List<Integer> value = question.kind().ordered() ? answer.selected() : selected.stream().sorted().toList();
			if (given.put(question.id(), value) != null) {
				throw new InvalidInputException("answers", "A question is answered twice.");
			}
		}
		return given;
	}

	private void recordStatements(Viewer learner, Course course, AttemptResult result) {
		String courseId = course.id().value();
		for (QuestionOutcome outcome : result.outcomes()) {
			Question question = course.question(outcome.questionId()).orElseThrow();
			String response = String.join("[,]", outcome.selected().stream().map(String::valueOf).toList());
			record.record(new LearningAction(learner.id(), learner.name(), Verb.ANSWERED, ActivityType.QUESTION,
					question.id(), question.prompt(), courseId, Result.answer(response, outcome.correct())));
		}
		int total = result.outcomes().size();
		Result score = Result.score((int) result.correctCount(), total, result.passed());
		String quizKey = courseId + "/quiz";
		String quizName = course.title() + " — quiz";
		record.record(new LearningAction(learner.id(), learner.name(), Verb.ATTEMPTED, ActivityType.ASSESSMENT, quizKey,
				quizName, courseId, score));
		record.record(new LearningAction(learner.id(), learner.name(), result.passed() ? Verb.PASSED : Verb.FAILED,
				ActivityType.ASSESSMENT, quizKey, quizName, courseId, score));
	}
}
