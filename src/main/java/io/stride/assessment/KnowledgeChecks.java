package io.stride.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.assessment.internal.AnswerRules;
import io.stride.assessment.internal.CheckAnswers;
import io.stride.assessment.internal.Draw;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge checks after lessons: answered inline with immediate feedback, every answer recorded, none counted in
 * the quiz score. Learners may answer again as often as they like.
 */
@Service
public class KnowledgeChecks {

	private final Authoring authoring;

	private final Grading grading;

	private final CheckAnswers answers;

	private final LearningRecord record;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	KnowledgeChecks(Authoring authoring, Grading grading, CheckAnswers answers, LearningRecord record,
			ApplicationEventPublisher events, Clock clock) {
		this.authoring = authoring;
		this.grading = grading;
		this.answers = answers;
		this.record = record;
		this.events = events;
		this.clock = clock;
	}

	/** A checked answer to a knowledge check of the version the learner takes; 404 for another course's check. */
	@Transactional
	public QuestionFeedback answer(Viewer learner, CourseId courseId, String questionId, Answer answer) {
		Course course = authoring.deliverableFor(learner.id(), courseId);
		Question question = course.knowledgeCheck(questionId).orElseThrow(() -> new NotFoundException("Knowledge check"));
		Answer given = AnswerRules.canonical(question,
				new Answer(question.id(), answer == null ? List.of() : answer.selected(), answer == null ? null : answer.text()));
		AnswerRules.check(question, given);
		Grade grade = grading.grade(question, given);
		CheckAnswers.Row row = answers.insert(learner.id(), courseId, given, grade.credit(), grade.correct(), clock.instant());
		record.record(new LearningAction(learner.id(), learner.name(), Verb.ANSWERED, ActivityType.QUESTION, question.id(),
				question.prompt(), courseId.value(),
				Result.answer(Grading.response(question, given), grade.credit(), grade.correct())));
		events.publishEvent(new KnowledgeCheckAnswered(courseId, learner.id(), question.id(), grade.correct(),
				grade.credit(), row.answeredAt()));
		return QuestionFeedback.of(question, given, grade.credit());
	}

	/** The checks after a lesson, each with the learner's last answer and its feedback. */
	@Transactional(readOnly = true)
	public List<CheckView> after(Viewer learner, Course course, String lessonId) {
		Lesson lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
		if (lesson.knowledgeChecks().isEmpty()) {
			return List.of();
		}
		Map<String, CheckAnswers.Row> latest = answers.latest(learner.id(), course.id());
		return lesson.knowledgeChecks().stream().map(question -> {
			CheckAnswers.Row last = latest.get(question.id());
			return new CheckView(lesson.id(), question, Draw.fixed(question), last == null ? null : last.answer(),
					last == null ? null : QuestionFeedback.of(question, last.answer(), last.credit()));
		}).toList();
	}

	/** Every check of the course the learner takes, with their last answer (null before they answer). */
	@Transactional(readOnly = true)
	public List<CheckView> all(Viewer learner, CourseId courseId) {
		Course course = authoring.deliveredTo(learner.id(), courseId);
		return course.lessons().stream().flatMap(lesson -> after(learner, course, lesson.id()).stream()).toList();
	}

	/**
	 * Every answer a person gave to the course's knowledge checks, oldest first (for spaced review, which schedules
	 * these questions again after completion). Callers decide who may ask.
	 */
	@Transactional(readOnly = true)
	public List<CheckAnswer> history(PersonId person, CourseId courseId) {
		return answers.of(person, courseId)
			.stream()
			.map(row -> new CheckAnswer(row.answer().questionId(), row.answer(), row.credit(), row.correct(),
					row.answeredAt()))
			.toList();
	}

	/** One recorded answer to a knowledge check. */
	public record CheckAnswer(String questionId, Answer answer, double credit, boolean correct,
			Instant answeredAt) {
	}
}
