package io.stride.assessment;

import java.math.BigDecimal;
import java.util.List;

import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grading of every kind without the embedding model (semantic matching is in {@link SemanticMatchTests}).
 */
class GradingTests {

	private final Grading grading = new Grading(null);

	private static Answer text(Question question, String text) {
		return new Answer(question.id(), List.of(), text);
	}

	private static Answer picks(Question question, Integer... indexes) {
		return new Answer(question.id(), List.of(indexes));
	}

	@Test
	void shortAnswersMatchWhateverTheCasePunctuationSpacesAndAccents() {
		Question q = Question.shortAnswer("s", "Who gets the report?", List.of("the data protection officer", "DPO"),
				null, "");
		for (String same : List.of("The Data Protection Officer", "  the   data protection officer.  ",
				"THE DATA-PROTECTION OFFICER!", "D.P.O.", "dpo", "thé dàta prötection öfficer")) {
			assertThat(grading.grade(q, text(q, same)).correct()).as(same).isTrue();
		}
		for (String other : List.of("the sales manager", "data protection", "", "   ", "...")) {
			assertThat(grading.grade(q, text(q, other)).correct()).as(other).isFalse();
		}
		assertThat(grading.grade(q, null)).isEqualTo(Grade.WRONG);
	}

	@Test
	void normalizingDropsMarksCaseAndPunctuationAndFoldsSpaces() {
		assertThat(Grading.normalize("  Crème   Brûlée, s'il vous plaît! ")).isEqualTo("creme brulee sil vous plait");
		assertThat(Grading.normalize("E-mail")).isEqualTo(Grading.normalize("email"));
		assertThat(Grading.normalize("Ｆｕｌｌ width")).isEqualTo("full width");
	}

	@Test
	void numericAnswersCountWithinTheToleranceEdgesIncluded() {
		Question q = Question.numeric("n", "How many litres?", new BigDecimal("1.5"), new BigDecimal("0.1"), "l", "");
		for (String right : List.of("1.5", "1,5", " 1.50 ", "1.6", "1.4", "1,4", "1.6 l", "1.6L", "+1.55")) {
			assertThat(grading.grade(q, text(q, right)).correct()).as(right).isTrue();
		}
		for (String wrong : List.of("1.61", "1.39", "1,61", "15", "abc", "", "1.5.5", "one and a half")) {
			assertThat(grading.grade(q, text(q, wrong)).correct()).as(wrong).isFalse();
		}
	}

	@Test
	void anExactNumericAnswerAcceptsOnlyThatValueHoweverWritten() {
		Question q = Question.numeric("n", "Up to what amount?", new BigDecimal("1500.5"), BigDecimal.ZERO, null, "");
		assertThat(grading.grade(q, text(q, "1500.5")).correct()).isTrue();
		assertThat(grading.grade(q, text(q, "1,500.50")).correct()).isTrue();
		assertThat(grading.grade(q, text(q, "1.500,5")).correct()).isTrue();
		assertThat(grading.grade(q, text(q, "1 500,5")).correct()).isTrue();
		assertThat(grading.grade(q, text(q, "1500.51")).correct()).isFalse();
		assertThat(NumericAnswer.parse("-0,25")).contains(new BigDecimal("-0.25"));
		assertThat(NumericAnswer.parse(",5")).contains(new BigDecimal("0.5"));
		assertThat(NumericAnswer.parse("1,500")).as("a single comma is a decimal comma").contains(new BigDecimal("1.500"));
	}

	@Test
	void partialCreditIsRightPicksMinusWrongPicksOverTheRightOptionsNeverBelowZero() {
		Question q = Question.multipleSelect("m", "Which are signs?", List.of("a", "b", "c", "d", "e"), List.of(0, 2, 3),
				Scoring.PARTIAL, "");
		assertThat(grading.grade(q, picks(q, 0, 2, 3))).isEqualTo(new Grade(3, 3));
		assertThat(grading.grade(q, picks(q, 0, 2))).isEqualTo(new Grade(2, 3));
		assertThat(grading.grade(q, picks(q, 0, 2, 1))).isEqualTo(new Grade(1, 3));
		assertThat(grading.grade(q, picks(q, 0, 1))).isEqualTo(new Grade(0, 3));
		assertThat(grading.grade(q, picks(q, 1, 4))).as("floored at 0").isEqualTo(new Grade(0, 3));
		assertThat(grading.grade(q, picks(q, 0, 1, 2, 3, 4))).isEqualTo(new Grade(1, 3));
		assertThat(grading.grade(q, picks(q))).isEqualTo(new Grade(0, 3));
		assertThat(grading.grade(q, picks(q, 0, 2)).credit()).isCloseTo(0.667, org.assertj.core.data.Offset.offset(0.001));
	}

	@Test
	void allOrNothingNeedsExactlyTheRightOptions() {
		Question q = Question.multipleSelect("m", "Which are signs?", List.of("a", "b", "c"), List.of(0, 2), null, "");
		assertThat(q.scoring()).isEqualTo(Scoring.ALL_OR_NOTHING);
		assertThat(grading.grade(q, picks(q, 0, 2))).isEqualTo(Grade.RIGHT);
		assertThat(grading.grade(q, picks(q, 0))).isEqualTo(Grade.WRONG);
		assertThat(grading.grade(q, picks(q, 0, 1, 2))).isEqualTo(Grade.WRONG);
	}

	@Test
	void matchingGivesAShareForEachRightPairOrAllOrNothing() {
		Question partial = Question.matching("x", "Match the capitals", List.of("France", "Germany", "Spain"),
				List.of("Paris", "Berlin", "Madrid"), Scoring.PARTIAL, "");
		// matches are kept in alphabetical order, so their order tells nothing: Berlin 0, Madrid 1, Paris 2
		assertThat(partial.matches()).containsExactly("Berlin", "Madrid", "Paris");
		assertThat(partial.correct()).containsExactly(2, 0, 1);
		assertThat(grading.grade(partial, picks(partial, 2, 0, 1))).isEqualTo(new Grade(3, 3));
		assertThat(grading.grade(partial, picks(partial, 2, 1, 0))).isEqualTo(new Grade(1, 3));
		assertThat(grading.grade(partial, picks(partial, 2, 0, -1))).isEqualTo(new Grade(2, 3));
		Question strict = Question.matching("y", "Match the capitals", List.of("France", "Germany", "Spain"),
				List.of("Paris", "Berlin", "Madrid"), Scoring.ALL_OR_NOTHING, "");
		assertThat(grading.grade(strict, picks(strict, 2, 0, -1))).isEqualTo(Grade.WRONG);
		assertThat(grading.grade(strict, picks(strict, 2, 0, 1))).isEqualTo(Grade.RIGHT);
	}

	@Test
	void orderingAndSingleChoiceAreAllOrNothing() {
		Question order = new Question("o", QuestionKind.ORDERING, "Order", List.of("a", "b", "c"), List.of(1, 0, 2), "");
		assertThat(grading.grade(order, picks(order, 1, 0, 2))).isEqualTo(Grade.RIGHT);
		assertThat(grading.grade(order, picks(order, 1, 0, -1))).isEqualTo(Grade.WRONG);
		Question single = new Question("c", QuestionKind.SINGLE_CHOICE, "Pick", List.of("a", "b"), List.of(1), "");
		assertThat(grading.grade(single, picks(single, 1))).isEqualTo(Grade.RIGHT);
		assertThat(grading.grade(single, picks(single, 0))).isEqualTo(Grade.WRONG);
		assertThat(grading.grade(single, new Answer("another question", List.of(1)))).isEqualTo(Grade.WRONG);
	}

	@Test
	void theQuizTotalIsExactAgainstThePassMark() {
		List<Grade> twoOfThree = List.of(Grade.RIGHT, Grade.RIGHT, Grade.WRONG);
		assertThat(QuizScore.of(twoOfThree, 67)).isEqualTo(new QuizScore(67, false));
		assertThat(QuizScore.of(twoOfThree, 66)).isEqualTo(new QuizScore(67, true));
		// 2/3 + 1/3 of a point over two questions is exactly one half
		assertThat(QuizScore.of(List.of(new Grade(2, 3), new Grade(1, 3)), 50)).isEqualTo(new QuizScore(50, true));
		assertThat(QuizScore.of(List.of(new Grade(2, 3), new Grade(1, 3)), 51)).isEqualTo(new QuizScore(50, false));
		assertThat(QuizScore.of(List.of(new Grade(1, 2), Grade.RIGHT), 75)).isEqualTo(new QuizScore(75, true));
		assertThat(QuizScore.of(List.of(), 0)).isEqualTo(new QuizScore(0, false));
	}

	@Test
	void feedbackShowsTheAnswerGivenTheRightOneAndTheRule() {
		Question q = Question.matching("x", "Match the capitals", List.of("France", "Germany"), List.of("Paris", "Berlin"),
				Scoring.PARTIAL, "Capitals.");
		QuestionFeedback feedback = QuestionFeedback.of(q, picks(q, 1, -1), 0.5);
		assertThat(feedback.verdict()).isEqualTo(Verdict.PARTLY_RIGHT);
		assertThat(feedback.yourAnswer()).containsExactly("France → Paris", "Germany → (no match)");
		assertThat(feedback.rightAnswer()).containsExactly("France → Paris", "Germany → Berlin");
		assertThat(feedback.rule()).contains("Each correct pair");
		assertThat(feedback.explanation()).isEqualTo("Capitals.");
		Question numeric = Question.numeric("n", "Litres?", new BigDecimal("1.5"), new BigDecimal("0.1"), "l", "");
		QuestionFeedback wrong = QuestionFeedback.of(numeric, text(numeric, "2"), 0);
		assertThat(wrong.verdict()).isEqualTo(Verdict.WRONG);
		assertThat(wrong.yourAnswer()).containsExactly("2 l");
		assertThat(wrong.rightAnswer()).containsExactly("1.5 ± 0.1 l");
		assertThat(QuestionFeedback.of(numeric, null, 0).yourAnswer()).isEmpty();
	}
}
