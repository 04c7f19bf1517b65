package io.stride.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.assessment.internal.AnswerRules;
import io.stride.assessment.internal.Attempts;
import io.stride.assessment.internal.Draw;
import io.stride.assessment.internal.OpenAttempts;
import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuizSettings;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quiz attempts. Opening a quiz starts an attempt on the server (or resumes the learner's one in progress) with
 * its drawn questions, option order and deadline; answers are saved as the learner goes; submitting grades it once:
 * a retry, a double click, a second tab or a reload after a lost response returns the same attempt. Attempt and
 * time limits are enforced here.
 */
@Service
public class Assessment {

	public static final int MAX_KEY_LENGTH = 100;

	/** A save or submission this late still counts: it was on its way when time ran out. */
	static final Duration GRACE = Duration.ofSeconds(5);

	private final Authoring authoring;

	private final Attempts attempts;

	private final OpenAttempts open;

	private final LearningRecord record;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Grading grading;

	private final Clock clock;

	private final KnowledgeChecks checks;

	Assessment(Authoring authoring, Attempts attempts, OpenAttempts open, LearningRecord record,
			Organization organization, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			Grading grading, Clock clock, KnowledgeChecks checks) {
		this.authoring = authoring;
		this.attempts = attempts;
		this.open = open;
		this.record = record;
		this.organization = organization;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.grading = grading;
		this.clock = clock;
		this.checks = checks;
	}

	/**
	 * Submits the learner's attempt in one step: the one in progress (or a new one, when the attempt limit allows),
	 * with these answers added to those saved. The idempotency key makes a retry return the first result.
	 */
	public AttemptResult submit(Viewer learner, CourseId courseId, List<Answer> answers, String idempotencyKey) {
		String key = key(idempotencyKey, Ids.newId());
		return once(learner, courseId, key, () -> {
			Course course = quizOf(learner, courseId);
			return finish(learner, course, startOrResume(learner, course).row(), answers, key);
		});
	}

	/**
	 * The learner's attempt in progress, or a new one. An attempt whose time ran out is graded first with the answers
	 * saved before; a new one is refused (409) when the learner has used every attempt the quiz allows.
	 */
	public OpenAttempt start(Viewer learner, CourseId courseId) {
		for (int tries = 1;; tries++) {
			try {
				return transactions.execute(status -> {
					Course course = quizOf(learner, courseId);
					closeExpired(learner, course);
					Started started = startOrResume(learner, course);
					return view(course, started.row(), started.resumed());
				});
			}
			catch (DuplicateKeyException raced) {
				// two tabs opened the quiz at once: the other one's attempt is the learner's attempt
				if (tries >= 3) {
					throw raced;
				}
			}
		}
	}

	/** The learner's attempt in progress, without starting one. */
	public Optional<OpenAttempt> current(Viewer learner, CourseId courseId) {
		return transactions.execute(status -> open.find(learner.id(), courseId).map(row -> {
			Course course = authoring.deliveredTo(learner.id(), courseId);
			return view(course, row, true);
		}));
	}

	/** Grades the learner's attempt at this course if its time ran out; answers the graded attempt. */
	public Optional<AttemptResult> closeIfExpired(Viewer learner, CourseId courseId) {
		return transactions.execute(status -> {
			if (open.find(learner.id(), courseId).isEmpty()) {
				return Optional.<AttemptResult>empty();
			}
			return closeExpired(learner, authoring.deliveredTo(learner.id(), courseId));
		});
	}

	/**
	 * Saves answers to an attempt in progress, replacing earlier answers to the same questions.
	 * @throws AttemptClosed when the attempt was submitted, or its time ran out (it is then graded with what was saved)
	 * @return when they were saved
	 */
	public Instant save(Viewer learner, String attemptId, List<Answer> answers) {
		Object saved = transactions.execute(status -> {
			Held held = lockOwn(learner, attemptId);
			if (held.done() != null) {
				return held.done();
			}
			OpenAttempts.Row row = held.row();
			Course course = authoring.deliveredTo(row.personId(), row.courseId());
			Instant now = clock.instant();
			if (row.expired(now, GRACE)) {
				return finish(learner, course, row, List.of(), row.id());
			}
			Map<String, Answer> all = new LinkedHashMap<>(row.answers());
			all.putAll(checked(course, row, answers));
			open.saveAnswers(row.id(), all, now);
			return now;
		});
		if (saved instanceof AttemptResult closed) {
			throw new AttemptClosed(closed, closed.timedOut()
					? "Time is up: this answer was not saved. The attempt was graded with the answers saved before the deadline."
					: "This attempt was already submitted; answers can no longer change.");
		}
		return (Instant) saved;
	}

	/**
	 * Submits an attempt in progress with these answers added to those saved. Submitting it again (double click,
	 * retry, another tab) returns the same result. After the deadline the answers sent are not taken: it is graded
	 * with what was saved.
	 */
	public AttemptResult submit(Viewer learner, String attemptId, List<Answer> answers, String idempotencyKey) {
		String key = key(idempotencyKey, attemptId);
		for (int tries = 1;; tries++) {
			try {
				return transactions.execute(status -> {
					Held held = lockOwn(learner, attemptId);
					if (held.done() != null) {
						return held.done().replay();
					}
					Optional<AttemptResult> earlier = attempts.byKey(learner.id(), key);
					if (earlier.isPresent()) {
						return sameCourse(earlier.get(), held.row().courseId());
					}
					Course course = authoring.deliveredTo(learner.id(), held.row().courseId());
					return finish(learner, course, held.row(), answers, key);
				});
			}
			catch (DuplicateKeyException raced) {
				if (tries >= 3) {
					throw raced;
				}
			}
		}
	}

	/** An attempt, for the learner who took it, their managers and admins. */
	public AttemptResult attempt(Viewer viewer, String attemptId) {
		if (!Ids.looksValid(attemptId)) {
			throw new NotFoundException("Attempt");
		}
		AttemptResult attempt = transactions.execute(status -> attempts.byId(attemptId))
			.orElseThrow(() -> new NotFoundException("Attempt"));
		if (!organization.canSee(viewer, attempt.personId())) {
			throw new NotFoundException("Attempt");
		}
		return attempt;
	}

	/**
	 * An attempt with feedback per question, in the order it was asked: the verdict, the answer given, the right
	 * answer and the explanation. Questions no longer in the version the learner takes are left out.
	 */
	public List<QuestionFeedback> feedback(Viewer viewer, AttemptResult attempt) {
		if (!organization.canSee(viewer, attempt.personId())) {
			throw new NotFoundException("Attempt");
		}
		Course course = authoring.deliveredTo(attempt.personId(), attempt.courseId());
		boolean shown = showsAnswers(course, attempt.personId());
		Map<String, Question> questions = byId(course);
		List<QuestionFeedback> feedback = new ArrayList<>();
		for (QuestionOutcome outcome : attempt.outcomes()) {
			Question question = questions.get(outcome.questionId());
			if (question != null) {
				QuestionFeedback full = QuestionFeedback.of(question, outcome.answer(), outcome.credit());
				feedback.add(shown ? full : full.withoutAnswers());
			}
		}
		return feedback;
	}

	/**
	 * Whether the right answers and explanations of this attempt's quiz may be shown now, by the quiz's rule (see
	 * {@link AnswersShown}); while they may not, feedback says only which answers were right.
	 */
	public boolean showsAnswers(AttemptResult attempt) {
		return showsAnswers(authoring.deliveredTo(attempt.personId(), attempt.courseId()), attempt.personId());
	}

	/** When the quiz of this attempt shows its right answers. */
	public AnswersShown answersRule(AttemptResult attempt) {
		return authoring.deliveredTo(attempt.personId(), attempt.courseId()).quiz().settings().answersShown();
	}

	private boolean showsAnswers(Course course, PersonId learner) {
		QuizSettings settings = course.quiz().settings();
		AnswersShown rule = settings.answersShown();
		if (rule != AnswersShown.ONCE_PASSED_OR_OUT_OF_ATTEMPTS) {
			return rule.shows(false, false);
		}
		boolean passed = attempts.passed(learner, course.id(), course.version());
		boolean outOfAttempts = settings.limitsAttempts()
				&& attempts.count(learner, course.id(), course.version()) >= settings.attemptLimit();
		return rule.shows(passed, outOfAttempts);
	}

	/**
	 * How many more attempts the learner may start at the version they take (one in progress counts as started);
	 * null when the quiz sets no limit.
	 */
	public Integer attemptsLeft(Viewer learner, CourseId courseId) {
		return transactions.execute(status -> {
			Course course = authoring.deliveredTo(learner.id(), courseId);
			Integer limit = course.quiz().settings().attemptLimit();
			if (limit == null) {
				return null;
			}
			int used = attempts.count(learner.id(), courseId, course.version());
			int inProgress = open.find(learner.id(), courseId).isPresent() ? 1 : 0;
			return Math.max(0, limit - used - inProgress);
		});
	}

	/**
	 * The learner's newest submitted attempt at the version they take, when no attempt is in progress: opening the
	 * quiz then shows this result, and a new attempt starts only when the learner asks for one.
	 */
	public Optional<AttemptResult> resultToShow(Viewer learner, CourseId courseId) {
		return transactions.execute(status -> {
			if (open.find(learner.id(), courseId).isPresent()) {
				return Optional.<AttemptResult>empty();
			}
			Course course = authoring.deliveredTo(learner.id(), courseId);
			return attempts.latest(learner.id(), courseId, course.version());
		});
	}

	/** The learner's submitted attempts at a course they may take, newest first; 404 for any other course. */
	public List<AttemptResult> attemptsOf(Viewer learner, CourseId course) {
		return transactions.execute(status -> {
			authoring.deliveredTo(learner.id(), course);
			return attempts.of(learner.id(), course);
		});
	}

	/** The knowledge checks after a lesson with the learner's last answers, for the lesson page. */
	public List<CheckView> checksAfter(Viewer learner, Course course, String lessonId) {
		return checks.after(learner, course, lessonId);
	}

	private record Started(OpenAttempts.Row row, boolean resumed) {
	}

	/** An attempt in progress, or the submitted attempt it became. */
	private record Held(OpenAttempts.Row row, AttemptResult done) {
	}

	private Started startOrResume(Viewer learner, Course course) {
		Optional<OpenAttempts.Row> existing = open.lock(learner.id(), course.id());
		if (existing.isPresent() && existing.get().version() == course.version()) {
			return new Started(existing.get(), true);
		}
		// an attempt at an earlier version (the learner was moved on to recertify) asks questions that are gone
		existing.ifPresent(stale -> open.delete(stale.id()));
		QuizSettings settings = course.quiz().settings();
		int used = attempts.count(learner.id(), course.id(), course.version());
		if (settings.limitsAttempts() && used >= settings.attemptLimit()) {
			throw new ConflictException("You have used all " + settings.attemptLimit() + " attempts this quiz allows"
					+ (settings.attemptLimit() == 1 ? " (one)." : ".") + " Your best result stays on the course page.");
		}
		Instant now = clock.instant();
		List<OpenAttempts.Drawn> drawn = Draw.attempt(course.quiz(), ThreadLocalRandom.current())
			.stream()
			.map(d -> new OpenAttempts.Drawn(d.question().id(), d.order()))
			.toList();
		OpenAttempts.Row row = new OpenAttempts.Row(Ids.newId(), course.id(), learner.id(), course.version(), drawn,
				Map.of(), now, settings.timed() ? now.plus(Duration.ofMinutes(settings.timeLimitMinutes())) : null);
		open.insert(row);
		// the attempt keeps this id when it is submitted, so it is the registration of every statement about it
		record.record(new LearningAction(learner.id(), learner.name(), Verb.ATTEMPTED, ActivityType.ASSESSMENT,
				quizKey(course), quizName(course), course.id().value(), Result.NONE).inAttempt(row.id()));
		return new Started(row, false);
	}

	private Optional<AttemptResult> closeExpired(Viewer learner, Course course) {
		return open.lock(learner.id(), course.id())
			.filter(row -> row.expired(clock.instant(), GRACE))
			.map(row -> finish(learner, course, row, List.of(), row.id()));
	}

	private Held lockOwn(Viewer viewer, String attemptId) {
		if (!Ids.looksValid(attemptId)) {
			throw new NotFoundException("Attempt");
		}
		Optional<OpenAttempts.Row> row = open.lock(attemptId);
		if (row.isPresent()) {
			mustBeOwn(viewer, row.get().personId());
			return new Held(row.get(), null);
		}
		AttemptResult done = attempts.byId(attemptId).orElseThrow(() -> new NotFoundException("Attempt"));
		mustBeOwn(viewer, done.personId());
		return new Held(null, done);
	}

	/** Others' attempts are not found, except by those who may see them, who may still not act on them. */
	private void mustBeOwn(Viewer viewer, PersonId person) {
		if (!viewer.is(person)) {
			if (organization.canSee(viewer, person)) {
				throw new ForbiddenException("Only the learner taking an attempt can answer or submit it.");
			}
			throw new NotFoundException("Attempt");
		}
	}

	/** Grades an attempt in progress and makes it a submitted attempt with the same id. */
	private AttemptResult finish(Viewer learner, Course course, OpenAttempts.Row row, List<Answer> given, String key) {
		Instant now = clock.instant();
		boolean late = row.expired(now, GRACE);
		Map<String, Answer> answers = new LinkedHashMap<>(row.answers());
		if (!late) {
			answers.putAll(checked(course, row, given));
		}
		Map<String, Question> questions = byId(course);
		List<QuestionOutcome> outcomes = new ArrayList<>();
		List<Grade> grades = new ArrayList<>();
		for (OpenAttempts.Drawn drawn : row.questions()) {
			Question question = questions.get(drawn.questionId());
			if (question == null) {
				continue;
			}
			Answer answer = answers.get(question.id());
			Grade grade = grading.grade(question, answer);
			grades.add(grade);
			outcomes.add(new QuestionOutcome(question.id(), answer == null ? List.of() : answer.selected(), grade.correct(),
					answer == null ? null : answer.text(), grade.credit()));
		}
		QuizScore total = QuizScore.of(grades, course.quiz().passMark());
		AttemptResult result = new AttemptResult(row.id(), course.id(), learner.id(), total.percent(), total.passed(),
				outcomes, now, false, late);
		attempts.insert(result, key, row.version());
		open.delete(row.id());
		recordStatements(learner, course, result, questions);
		events.publishEvent(new QuizAttempted(course.id(), learner.id(), learner.name(), result.attemptId(),
				result.score(), result.passed()));
		return result;
	}

	/** The answers, each checked against its question; only questions drawn for this attempt may be answered. */
	private static Map<String, Answer> checked(Course course, OpenAttempts.Row row, List<Answer> answers) {
		Set<String> drawn = row.questions().stream().map(OpenAttempts.Drawn::questionId).collect(Collectors.toSet());
		Map<String, Answer> checked = new LinkedHashMap<>();
		for (Answer answer : answers == null ? List.<Answer>of() : answers) {
			if (answer == null) {
				continue;
			}
			Question question = course.question(answer.questionId())
				.orElseThrow(() -> new InvalidInputException("answers",
						"An answer names a question that is not in this quiz: " + answer.questionId()));
			if (!drawn.contains(question.id())) {
				throw new InvalidInputException("answers",
						"An answer names a question that was not drawn for this attempt: " + question.id());
			}
			try {
				AnswerRules.check(question, answer);
			}
			catch (InvalidInputException e) {
				throw new InvalidInputException("answers", e.getMessage());
			}
			if (checked.put(question.id(), AnswerRules.canonical(question, answer)) != null) {
				throw new InvalidInputException("answers", "A question is answered twice.");
			}
		}
		return checked;
	}

	private OpenAttempt view(Course course, OpenAttempts.Row row, boolean resumed) {
		Map<String, Question> questions = byId(course);
		List<DrawnQuestion> drawn = row.questions()
			.stream()
			.filter(d -> questions.containsKey(d.questionId()))
			.map(d -> new DrawnQuestion(questions.get(d.questionId()), d.order()))
			.toList();
		return new OpenAttempt(row.id(), course.id(), row.personId(), drawn, row.answers(), row.startedAt(),
				row.deadline(), attempts.count(row.personId(), course.id(), row.version()),
				course.quiz().settings().attemptLimit(), course.quiz().passMark(), resumed);
	}

	private Course quizOf(Viewer learner, CourseId courseId) {
		Course course = authoring.deliverableFor(learner.id(), courseId);
		if (course.quiz().isEmpty()) {
			throw new InvalidInputException("answers", "This course has no quiz.");
		}
		return course;
	}

	private AttemptResult once(Viewer learner, CourseId courseId, String key, Supplier<AttemptResult> attempt) {
		for (int tries = 1;; tries++) {
			try {
				return sameCourse(transactions.execute(status -> attempts.byKey(learner.id(), key).orElseGet(attempt)),
						courseId);
			}
			catch (DuplicateKeyException raced) {
				// either the same submission arrived twice at once (the first one won and answers both), or an attempt
				// or progress row was created by a parallel request: then this submission is simply tried again
				var first = transactions.execute(status -> attempts.byKey(learner.id(), key));
				if (first.isPresent()) {
					return sameCourse(first.get(), courseId);
				}
				if (tries >= 3) {
					throw raced;
				}
			}
		}
	}

	private static AttemptResult sameCourse(AttemptResult result, CourseId courseId) {
		if (!result.courseId().equals(courseId)) {
			throw new InvalidInputException("idempotencyKey",
					"This Idempotency-Key was already used for an attempt at another course.");
		}
		return result;
	}

	private static String key(String given, String otherwise) {
		String key = given == null || given.isBlank() ? otherwise : given.trim();
		if (key.length() > MAX_KEY_LENGTH) {
			throw new InvalidInputException("idempotencyKey", "The idempotency key is longer than 100 characters.");
		}
		return key;
	}

	private static Map<String, Question> byId(Course course) {
		Map<String, Question> questions = new LinkedHashMap<>();
		course.quiz().questions().forEach(q -> questions.put(q.id(), q));
		return questions;
	}

	private static String quizKey(Course course) {
		return course.id().value() + "/quiz";
	}

	private static String quizName(Course course) {
		return course.title() + " — quiz";
	}

	private void recordStatements(Viewer learner, Course course, AttemptResult result, Map<String, Question> questions) {
		String courseId = course.id().value();
		for (QuestionOutcome outcome : result.outcomes()) {
			Question question = questions.get(outcome.questionId());
			record.record(new LearningAction(learner.id(), learner.name(), Verb.ANSWERED, ActivityType.QUESTION,
					question.id(), question.prompt(), courseId,
					Result.answer(Grading.response(question, outcome.answer()), outcome.credit(), outcome.correct()))
				.inAttempt(result.attemptId()));
		}
		int total = result.outcomes().size();
		double points = result.points();
		Result score = points == Math.rint(points) ? Result.score((int) points, total, result.passed())
				: Result.scaled(points / total, result.passed());
		record.record(new LearningAction(learner.id(), learner.name(), result.passed() ? Verb.PASSED : Verb.FAILED,
				ActivityType.ASSESSMENT, quizKey(course), quizName(course), courseId, score).inAttempt(result.attemptId()));
	}
}
