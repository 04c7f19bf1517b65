package io.stride.practice;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.practice.internal.NewCards;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spaced review with a clock the tests move: what is due when, the daily limit, idempotent answers, and who sees
 * retention.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class SpacedReviewTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	@Autowired
	Practice practice;

	@Autowired
	LearningRecord record;

	@Autowired
	MovableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Org org;

	Viewer learner;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		learner = fixtures.viewer(org.learnerA());
	}

	@Test
	void passedQuestionsAreNotDueUntilTheirFirstIntervalHasPassed() {
		Course course = publishedCourse("Incident reporting", 2);
		pass(learner, course, 2);

		assertThat(practice.dueToday(learner)).isEmpty();
		ReviewQueue today = practice.queue(learner);
		assertThat(today.empty()).isTrue();
		assertThat(today.nextDueOn()).isEqualTo(today().plusDays(3)); // a right answer is rated Good: 3 days

		clock.advance(Duration.ofDays(2));
		assertThat(practice.queue(learner).empty()).isTrue();

		clock.advance(Duration.ofDays(1));
		assertThat(practice.dueToday(learner)).singleElement()
			.satisfies(due -> assertThat(due.dueCount()).isEqualTo(2))
			.satisfies(due -> assertThat(due.title()).isEqualTo(course.title()));
		ReviewQueue due = practice.queue(learner);
		assertThat(due.remainingToday()).isEqualTo(2);
		assertThat(due.next().courseId()).isEqualTo(course.id());
		// My learning shows what is due, with the way into today's review
		try {
			mvc.perform(get("/learning").with(io.stride.support.SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
				.andExpect(status().isOk())
				.andExpect(content()
					.string(containsString("2 questions to review")))
				.andExpect(content()
					.string(containsString("href=\"/practice\"")));
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aRightReviewComesBackLaterAndAWrongOneTomorrow() {
		Course course = publishedCourse("Escalations", 2);
		pass(learner, course, 2);
		clock.advance(Duration.ofDays(3));

		ReviewCard first = practice.queue(learner).next();
		ReviewOutcome right = practice.answer(learner, first.cardId(), first.reviewNumber(), first.question().correct(),
				Feeling.AS_EXPECTED);
		// Good after 3 days on a Good card: stability 10.74 days, so 11 days
		assertThat(right.correct()).isTrue();
		assertThat(right.rating()).isEqualTo("GOOD");
		assertThat(right.intervalDays()).isEqualTo(11);
		assertThat(right.nextDueOn()).isEqualTo(today().plusDays(11));

		ReviewCard second = practice.queue(learner).next();
		assertThat(second.cardId()).isNotEqualTo(first.cardId());
		ReviewOutcome wrong = practice.answer(learner, second.cardId(), second.reviewNumber(), wrongAnswer(second.question()),
				Feeling.EASY);
		assertThat(wrong.correct()).isFalse();
		assertThat(wrong.rating()).isEqualTo("AGAIN");
		assertThat(wrong.nextDueOn()).isEqualTo(today().plusDays(1));

		ReviewQueue after = practice.queue(learner);
		assertThat(after.empty()).isTrue();
		assertThat(after.doneToday()).isEqualTo(2);
		assertThat(after.nextDueOn()).isEqualTo(today().plusDays(1));
		assertThat(practice.successfulReviews(org.learnerA(), course.id())).isEqualTo(1);
		assertThat(record.statementsOf(org.learnerA())
			.stream()
			.filter(s -> s.verbIri().equals(Verb.ANSWERED.iri()) && s.objectId().endsWith(first.question().id())))
			.as("the quiz answer and the review answer").hasSize(2);
	}

	@Test
	void easyAndHardChangeTheIntervalOfARightAnswer() {
		Course course = publishedCourse("Renewals", 2);
		pass(learner, course, 2);
		clock.advance(Duration.ofDays(3));
		ReviewCard first = practice.queue(learner).next();
		ReviewOutcome easy = practice.answer(learner, first.cardId(), first.reviewNumber(), first.question().correct(),
				Feeling.EASY);
		ReviewCard second = practice.queue(learner).next();
		ReviewOutcome hard = practice.answer(learner, second.cardId(), second.reviewNumber(), second.question().correct(),
				Feeling.HARD);
		assertThat(easy.rating()).isEqualTo("EASY");
		assertThat(hard.rating()).isEqualTo("HARD");
		assertThat(easy.intervalDays()).isGreaterThan(11);
		assertThat(hard.intervalDays()).isLessThan(11);
	}

	@Test
	void questionsAnsweredWrongInTheQuizComeBackTheNextDay() {
		Course course = publishedCourse("Refunds", 2);
		pass(learner, course, 1); // pass mark 50: one of two is enough

		clock.advance(Duration.ofDays(1));
		ReviewQueue due = practice.queue(learner);
		assertThat(due.remainingToday()).isEqualTo(1);
		assertThat(due.next().question().id()).isEqualTo(course.quiz().questions().get(1).id());
	}

	@Test
	void aQuizThatNeverShowsItsAnswersSchedulesNoReviewThatWouldShowThem() {
		Course course = publishedCourse("Secrets", 2,
				new QuizSettings(null, null, null, false, AnswersShown.NEVER));
		pass(learner, course, 1);
		clock.advance(Duration.ofDays(30));
		assertThat(practice.queue(learner).nextDueOn()).isNull();
		assertThat(practice.dueToday(learner)).isEmpty();
	}

	@Test
	void aFailedQuizSchedulesNothing() {
		Course course = publishedCourse("Contracts", 2);
		assessment.submit(learner, course.id(), List.of(), Ids.newId());
		clock.advance(Duration.ofDays(30));
		assertThat(practice.queue(learner).nextDueOn()).isNull();
		assertThat(practice.dueToday(learner)).isEmpty();
	}

	@Test
	void atMostTwentyReviewsADay() {
		Course course = publishedCourse("Product catalogue", 25);
		pass(learner, course, 25);
		clock.advance(Duration.ofDays(3));
		assertThat(practice.dueToday(learner).get(0).dueCount()).isEqualTo(25);
		assertThat(practice.queue(learner).remainingToday()).isEqualTo(20);

		ReviewCard last = null;
		for (int i = 0; i < 20; i++) {
			last = practice.queue(learner).next();
			practice.answer(learner, last.cardId(), last.reviewNumber(), last.question().correct(), Feeling.AS_EXPECTED);
		}
		ReviewQueue done = practice.queue(learner);
		assertThat(done.empty()).isTrue();
		assertThat(done.limitReached()).isTrue();
		assertThat(done.nextDueOn()).isEqualTo(today().plusDays(1));
		assertThat(practice.dueToday(learner).get(0).dueCount()).isEqualTo(5);
		String left = remainingCard(course);
		assertThatThrownBy(() -> practice.answer(learner, left, 0, List.of(0), Feeling.AS_EXPECTED))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("today's 20 reviews");

		clock.advance(Duration.ofDays(1));
		assertThat(practice.queue(learner).remainingToday()).isEqualTo(5);
	}

	@Test
	void answeringTwiceWithTheSameReviewNumberCountsOnce() throws Exception {
		Course course = publishedCourse("Discounts", 2);
		pass(learner, course, 2);
		clock.advance(Duration.ofDays(3));
		ReviewCard card = practice.queue(learner).next();
		String body = "{\"cardId\":\"" + card.cardId() + "\",\"reviewNumber\":" + card.reviewNumber() + ",\"selected\":"
				+ card.question().correct() + "}";

		JsonNode first = JSON.readTree(mvc.perform(post("/api/v1/me/practice/answers").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.correct").value(true))
			.andExpect(jsonPath("$.intervalDays").value(11))
			.andReturn()
			.getResponse()
			.getContentAsString());
		mvc.perform(post("/api/v1/me/practice/answers").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reviewId").value(first.get("reviewId").asString()));

		assertThat(practice.successfulReviews(org.learnerA(), course.id())).isEqualTo(1);
		assertThat(practice.queue(learner).doneToday()).isEqualTo(1);
	}

	@Test
	void refusalsOfTheReviewApi() throws Exception {
		Course course = publishedCourse("Onboarding", 2);
		pass(learner, course, 2);
		String cardId = remainingCard(course);
		String answer = "{\"cardId\":\"" + cardId + "\",\"reviewNumber\":0,\"selected\":[0]}";

		// not due yet
		mvc.perform(post("/api/v1/me/practice/answers").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(answer))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("not due")));
		// someone else's card
		mvc.perform(post("/api/v1/me/practice/answers").header("Authorization", bearer(org.learnerB()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(answer))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/me/practice/cards/" + cardId).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());

		clock.advance(Duration.ofDays(3));
		// no answer, an option that does not exist, a missing review number, an unknown feeling
		for (String invalid : List.of("{\"cardId\":\"" + cardId + "\",\"reviewNumber\":0,\"selected\":[]}",
				"{\"cardId\":\"" + cardId + "\",\"reviewNumber\":0,\"selected\":[7]}",
				"{\"cardId\":\"" + cardId + "\",\"selected\":[0]}",
				"{\"cardId\":\"" + cardId + "\",\"reviewNumber\":0,\"selected\":[0],\"feeling\":\"BORED\"}")) {
			mvc.perform(post("/api/v1/me/practice/answers").header("Authorization", bearer(org.learnerA()))
					.contentType(MediaType.APPLICATION_JSON)
					.content(invalid))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors").isMap());
		}
		mvc.perform(get("/api/v1/me/practice").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.remainingToday").value(2))
			.andExpect(jsonPath("$.next.question.prompt").isString())
			.andExpect(jsonPath("$.next.question.correct").doesNotExist())
			.andExpect(jsonPath("$.due[0].dueCount").value(2));
	}

	@Test
	void managersSeeRetentionOfTheirTeamTreeOnly() throws Exception {
		Course course = publishedCourse("Forecasting", 2);
		pass(fixtures.viewer(org.learnerSubA()), course, 2);
		pass(fixtures.viewer(org.learnerB()), course, 2);
		clock.advance(Duration.ofDays(3));

		List<TeamRetention> teamA = practice.teamRetention(fixtures.viewer(org.managerA()), org.teamA());
		assertThat(teamA).singleElement().satisfies(row -> {
			assertThat(row.learners()).as("only the sub-team's learner; team B's is not counted").isEqualTo(1);
			assertThat(row.averagePercent()).isEqualTo(90); // three days after a Good rating with stability 3.17
			assertThat(row.dueToday()).isEqualTo(2);
		});
		assertThat(practice.retention(fixtures.viewer(org.learnerSubA()))).singleElement()
			.satisfies(r -> assertThat(r.recallPercent()).isEqualTo(90));

		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/retention").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].learners").value(1));
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/retention").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/retention").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/" + org.subTeamA().value() + "/retention").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].learners").value(1));
		assertThatThrownBy(() -> practice.teamRetention(fixtures.viewer(org.managerB()), org.subTeamA()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyQuestionsThatCanBeGradedFromOptionsBecomeCards() {
		assertThat(NewCards.reviewable(new Question("q1", QuestionKind.SINGLE_CHOICE, "Which?", List.of("a", "b"), List.of(0), "")))
			.isTrue();
		assertThat(NewCards.reviewable(new Question("q2", QuestionKind.ORDERING, "Order", List.of("a", "b"), List.of(1, 0), "")))
			.isTrue();
		assertThat(NewCards.reviewable(new Question("q3", QuestionKind.SHORT_ANSWER, "Name it", List.of("alpha"), List.of(0), "")))
			.isFalse();
		assertThat(NewCards.reviewable(new Question("q4", QuestionKind.NUMERIC, "How many?", List.of("3"), List.of(0), "")))
			.isFalse();
	}

	@Test
	void orderingQuestionsAreGradedByTheirSequence() {
		Question order = new Question(null, QuestionKind.ORDERING, "Put the steps in order", List.of("Stop", "Report", "Fix"),
				List.of(0, 1, 2), "Stop first.");
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent("Ordering " + org.suffix(), "", List.of(new Lesson(null, "L", "Text")),
				new Quiz(50, List.of(order)), List.of(), null, null));
		Course course = authoring.publish(author, draft.id(), draft.revision());
		pass(learner, course, 1);
		clock.advance(Duration.ofDays(3));
		ReviewCard card = practice.queue(learner).next();
		assertThatThrownBy(() -> practice.answer(learner, card.cardId(), 0, List.of(0, 0, 1), Feeling.AS_EXPECTED))
			.isInstanceOf(InvalidInputException.class);
		assertThat(practice.answer(learner, card.cardId(), 0, List.of(1, 0, 2), Feeling.AS_EXPECTED).correct()).isFalse();
	}

	private Course publishedCourse(String title, int questions) {
		return publishedCourse(title, questions, QuizSettings.NONE);
	}

	private Course publishedCourse(String title, int questions, QuizSettings settings) {
		List<Question> quiz = new ArrayList<>();
		for (int i = 0; i < questions; i++) {
			quiz.add(new Question(null, QuestionKind.SINGLE_CHOICE, "Question " + (i + 1) + "?", List.of("Right", "Wrong"),
					List.of(0), "Because " + (i + 1) + "."));
		}
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent(title + " " + org.suffix(), "What to do.",
				List.of(new Lesson(null, "The lesson", "Text.")), new Quiz(50, quiz, settings), List.of(), null, null));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	/** Answers the first {@code right} questions right and the rest wrong. */
	private void pass(Viewer who, Course course, int right) {
		List<Answer> answers = new ArrayList<>();
		List<Question> questions = course.quiz().questions();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			answers.add(new Answer(q.id(), i < right ? q.correct() : wrongAnswer(q)));
		}
		assertThat(assessment.submit(who, course.id(), answers, Ids.newId()).passed()).isTrue();
	}

	private static List<Integer> wrongAnswer(Question question) {
		if (question.kind().ordered()) {
			List<Integer> reversed = new ArrayList<>(question.correct());
			java.util.Collections.reverse(reversed);
			return reversed;
		}
		for (int i = 0; i < question.options().size(); i++) {
			if (!question.correct().contains(i)) {
				return List.of(i);
			}
		}
		throw new IllegalArgumentException("no wrong option");
	}

	/** A card of the learner's for the course that has not been reviewed yet. */
	private String remainingCard(Course course) {
		return jdbc.sql("SELECT id FROM practice_cards WHERE person_id = ? AND course_id = ? AND reviews = 0 ORDER BY id")
			.params(org.learnerA().value(), course.id().value())
			.query(String.class)
			.list()
			.get(0);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
