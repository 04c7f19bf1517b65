package io.stride.practice.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.assessment.QuestionOutcome;
import io.stride.assessment.QuizAttempted;
import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.identity.Organization;
import io.stride.shared.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a learner review cards when they pass a course's quiz (a course with a quiz is done when passed). The
 * passing attempt is the first rating of each question: right is Good, wrong is Again. A later pass of a new
 * version adds its new questions and drops cards of questions it no longer has; existing cards keep their schedule.
 * Runs in the submitting transaction, like the learner's progress (ADR 0002).
 */
@Component
public class NewCards {

	/** Kinds graded from selected options; others (short answer, matching, numeric) are left out until they can be. */
	public static final Set<QuestionKind> GRADABLE = Set.of(QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE,
			QuestionKind.TRUE_FALSE, QuestionKind.ORDERING);

	private final Authoring authoring;

	private final Assessment assessment;

	private final Organization organization;

	private final Cards cards;

	private final Clock clock;

	NewCards(Authoring authoring, Assessment assessment, Organization organization, Cards cards, Clock clock) {
		this.authoring = authoring;
		this.assessment = assessment;
		this.organization = organization;
		this.cards = cards;
		this.clock = clock;
	}

	/** A review shows the right answer, so a quiz that never shows its answers has no questions to review. */
	public static boolean reviewable(Course course) {
		return course.quiz().settings().answersShown() != AnswersShown.NEVER;
	}

	/** Whether a question can come back for review: a kind graded from options, with options and an answer. */
	public static boolean reviewable(Question question) {
		return question != null && question.id() != null && GRADABLE.contains(question.kind())
				&& !question.options().isEmpty() && !question.correct().isEmpty();
	}

	@EventListener
	void on(QuizAttempted attempt) {
		if (!attempt.passed()) {
			return;
		}
		Course course = authoring.deliveredTo(attempt.personId(), attempt.courseId());
		if (!reviewable(course)) {
			return;
		}
		AttemptResult result = assessment.attempt(organization.viewerOf(attempt.personId()), attempt.attemptId());
		Map<String, Cards.Card> existing = new HashMap<>();
		cards.of(attempt.personId(), attempt.courseId()).forEach(card -> existing.put(card.questionId(), card));
		List<Question> questions = course.quiz().questions().stream().filter(NewCards::reviewable).toList();
		Set<String> ids = new HashSet<>();
		questions.forEach(question -> ids.add(question.id()));
		cards.delete(existing.values().stream().filter(card -> !ids.contains(card.questionId())).map(Cards.Card::id).toList());
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		for (Question question : questions) {
			if (existing.containsKey(question.id())) {
				continue;
			}
			// a question the attempt did not ask (when quizzes draw from a pool) comes back the next day, like a wrong one
			boolean right = result.outcome(question.id()).map(QuestionOutcome::correct).orElse(false);
			Fsrs.Memory memory = Fsrs.first(right ? Fsrs.Rating.GOOD : Fsrs.Rating.AGAIN);
			cards.insert(new Cards.Card(Ids.newId(), attempt.personId(), attempt.courseId(), question.id(),
					memory.stability(), memory.difficulty(), 0, 0, now, today.plusDays(Fsrs.intervalDays(memory.stability()))),
					now);
		}
	}
}
