package io.stride.authoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.internal.CourseRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuizRulesTests {

	private static Question single() {
		return new Question("q", QuestionKind.SINGLE_CHOICE, "Pick", List.of("a", "b", "c"), List.of(1), "b");
	}

	private static Question multiple() {
		return new Question("m", QuestionKind.MULTIPLE_CHOICE, "Pick all", List.of("a", "b", "c"), List.of(0, 2), "a and c");
	}

	@Test
	void singleChoiceIsRightOnlyWithTheCorrectOption() {
		assertThat(single().isAnsweredCorrectlyBy(Set.of(1))).isTrue();
		assertThat(single().isAnsweredCorrectlyBy(Set.of(0))).isFalse();
		assertThat(single().isAnsweredCorrectlyBy(Set.of())).isFalse();
	}

	@Test
	void multipleChoiceNeedsExactlyTheCorrectSet() {
		assertThat(multiple().isAnsweredCorrectlyBy(Set.of(0, 2))).isTrue();
		assertThat(multiple().isAnsweredCorrectlyBy(Set.of(0))).isFalse();
		assertThat(multiple().isAnsweredCorrectlyBy(Set.of(0, 1, 2))).isFalse();
	}

	@Test
	void rulesNameTheFieldOfEachProblem() {
		CourseContent content = new CourseContent("", "d", List.of(new Lesson(null, "", "x")),
				new Quiz(101, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Q", List.of("a", "b"), List.of(0, 1), ""),
						new Question(null, QuestionKind.MULTIPLE_CHOICE, "Q", List.of("a"), List.of(0), ""),
						new Question(null, QuestionKind.MULTIPLE_CHOICE, "Q", List.of("a", "A "), List.of(0), ""),
						new Question(null, QuestionKind.SINGLE_CHOICE, "Q", List.of("a", "b"), List.of(5), ""),
						new Question(null, QuestionKind.SHORT_ANSWER, "Q", List.of("a", "b"), List.of(0), ""),
						new Question(null, QuestionKind.ORDERING, "Q", List.of("a", "b", "c"), List.of(0, 0, 1), ""),
						new Question(null, null, "Q", List.of("a", "b"), List.of(0), ""))));
		Map<String, String> errors = CourseRules.check(content);
		assertThat(errors).containsKeys("title", "lessons[0].title", "passMark", "questions[0].correct",
				"questions[1].options", "questions[2].options", "questions[3].correct", "questions[4].accepted",
				"questions[5].correct", "questions[6].kind");
	}

	@Test
	void rulesRefuseControlCharactersAndNumbersNoPageCouldShow() {
		Question numeric = Question.numeric(null, "How far?", new java.math.BigDecimal("1e999"),
				new java.math.BigDecimal("1e-30"), "km", "");
		CourseContent content = new CourseContent("T\u0000T", "", List.of(new Lesson(null, "L", "line\tone\r\nline two")),
				new Quiz(80, List.of(new Question(null, QuestionKind.SINGLE_CHOICE, "Pick", List.of("a", "b\u001b"), List.of(0), ""),
						numeric)));
		Map<String, String> errors = CourseRules.check(content);
		assertThat(errors).containsOnlyKeys("title", "questions[0].options", "questions[1].value", "questions[1].tolerance");
		assertThat(errors.get("title")).contains("control character");
	}

	@Test
	void aGoodCourseHasNoProblems() {
		CourseContent content = new CourseContent("T", "", List.of(new Lesson(null, "L", "text")),
				new Quiz(80, List.of(single(), multiple())));
		assertThat(CourseRules.check(content)).isEmpty();
	}
}
