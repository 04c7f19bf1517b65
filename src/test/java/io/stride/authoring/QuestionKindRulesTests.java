package io.stride.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stride.authoring.internal.CourseRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for the kinds beyond choice and ordering, for quiz settings and for knowledge checks: each problem named
 * by its field.
 */
class QuestionKindRulesTests {

	private static Map<String, String> check(QuizSettings settings, List<Lesson> lessons, Question... questions) {
		return CourseRules.check(new CourseContent("T", "", lessons, new Quiz(80, List.of(questions), settings)));
	}

	private static Map<String, String> check(Question... questions) {
		return check(QuizSettings.NONE, List.of(new Lesson(null, "L", "text")), questions);
	}

	@Test
	void everyKindWellWrittenHasNoProblems() {
		assertThat(check(Question.shortAnswer(null, "Who?", List.of("the DPO", "data protection officer"), 0.85, "Why."),
				Question.numeric(null, "How much?", new BigDecimal("1.5"), new BigDecimal("0.1"), "kg", ""),
				Question.matching(null, "Match", List.of("France", "Spain"), List.of("Paris", "Madrid"), Scoring.PARTIAL, ""),
				Question.multipleSelect(null, "Which?", List.of("a", "b", "c"), List.of(0, 1), Scoring.PARTIAL, ""),
				new Question(null, QuestionKind.TRUE_FALSE, "True?", List.of("True", "False"), List.of(0), ""),
				new Question(null, QuestionKind.ORDERING, "Order", List.of("a", "b", "c"), List.of(2, 1, 0), "")))
			.isEmpty();
	}

	@Test
	void shortAnswersNeedAnAcceptedAnswerAndASensibleThreshold() {
		Map<String, String> errors = check(Question.shortAnswer(null, "Who?", List.of(), null, ""),
				Question.shortAnswer(null, "Who?", List.of("DPO"), 0.3, ""),
				Question.shortAnswer(null, "Who?", List.of("DPO"), Double.NaN, ""),
				Question.shortAnswer(null, "Who?", List.of("?!"), null, ""),
				Question.shortAnswer(null, "Who?", List.of("x".repeat(501)), null, ""));
		assertThat(errors.get("questions[0].accepted")).contains("at least one accepted answer");
		assertThat(errors.get("questions[1].similarity")).contains("from 0.5 to 1");
		assertThat(errors).containsKey("questions[2].similarity");
		assertThat(errors.get("questions[3].accepted")).contains("letters or digits");
		assertThat(errors.get("questions[4].accepted")).contains("under 500");
	}

	@Test
	void numericQuestionsNeedANumberAndATolerance() {
		Map<String, String> errors = check(Question.numeric(null, "How much?", null, BigDecimal.ZERO, null, ""),
				Question.numeric(null, "How much?", BigDecimal.ONE, new BigDecimal("-0.1"), null, ""),
				Question.numeric(null, "How much?", BigDecimal.ONE, null, "x".repeat(41), ""));
		assertThat(errors.get("questions[0].value")).contains("as a number");
		assertThat(errors.get("questions[1].tolerance")).contains("0 or more");
		assertThat(errors).containsKeys("questions[2].tolerance", "questions[2].unit");
	}

	@Test
	void matchingNeedsPairsWithAMatchOfTheirOwn() {
		Map<String, String> errors = check(
				Question.matching(null, "Match", List.of("France"), List.of("Paris"), null, ""),
				new Question(null, QuestionKind.MATCHING, "Match", List.of("France", "Spain"), List.of(0, -1), "", null,
						null, null, null, null, List.of("Paris", "Madrid")),
				new Question(null, QuestionKind.MATCHING, "Match", List.of("France", "Spain"), List.of(0, 0), "", null,
						null, null, null, null, List.of("Paris", "Madrid")),
				Question.matching(null, "Match", List.of("France", "Spain"), List.of("Paris", "paris "), null, ""));
		assertThat(errors.get("questions[0].options")).contains("between 2 and 10 pairs");
		assertThat(errors.get("questions[1].matches")).contains("Give each item its match");
		assertThat(errors.get("questions[2].matches")).contains("a match of its own");
		assertThat(errors.get("questions[3].matches")).contains("say the same thing");
	}

	@Test
	void quizSettingsStayWithinLimits() {
		Question one = new Question(null, QuestionKind.TRUE_FALSE, "True?", List.of("True", "False"), List.of(0), "");
		Lesson lesson = new Lesson(null, "L", "text");
		assertThat(check(new QuizSettings(0, 0, 2, true), List.of(lesson), one))
			.containsKeys("attemptLimit", "timeLimitMinutes", "drawCount");
		assertThat(check(new QuizSettings(3, 20, 1, true), List.of(lesson), one)).isEmpty();
		assertThat(check(new QuizSettings(null, null, 1, false), List.of(lesson)).get("drawCount")).contains("no quiz questions");
	}

	@Test
	void knowledgeChecksAreCheckedWhereTheyStand() {
		List<Question> many = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			many.add(new Question(null, QuestionKind.TRUE_FALSE, "True " + i + "?", List.of("True", "False"), List.of(0), ""));
		}
		Map<String, String> errors = check(QuizSettings.NONE, List.of(
				new Lesson(null, "L1", "text", List.of(), null,
						List.of(Question.shortAnswer(null, "", List.of("x"), null, ""))),
				new Lesson(null, "L2", "text", List.of(), null, many)));
		assertThat(errors).containsKeys("lessons[0].knowledgeChecks[0].prompt", "lessons[1].knowledgeChecks");
	}

	@Test
	void aCourseWithKnowledgeChecksKeepsThemApartFromTheQuiz() {
		Question check = Question.shortAnswer("c1", "Who?", List.of("DPO"), null, "");
		Question quiz = new Question("q1", QuestionKind.TRUE_FALSE, "True?", List.of("True", "False"), List.of(0), "");
		Course course = new Course(new CourseId("id"), "T", "", CourseStatus.PUBLISHED, 1, 1, null,
				List.of(new Lesson("l1", "L1", "text"), new Lesson("l2", "L2", "text", List.of(), null, List.of(check))),
				new Quiz(80, List.of(quiz)), null, null, List.of(), RiskTier.LOW, null, null, 1);
		assertThat(course.quiz().questions()).containsExactly(quiz);
		assertThat(course.knowledgeChecks()).containsExactly(check);
		assertThat(course.knowledgeCheck("c1")).contains(check);
		assertThat(course.knowledgeCheck("q1")).isEmpty();
		assertThat(course.question("c1")).isEmpty();
		assertThat(course.lessonOfCheck("c1").map(Lesson::id)).contains("l2");
	}
}
