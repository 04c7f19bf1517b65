package io.stride.authoring;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.Finding;
import io.stride.standards.RequiredPart;
import io.stride.standards.Templates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template asks for a knowledge check and a number of questions; the questions after the lessons count, not only
 * the final quiz's.
 */
class KnowledgeChecksInTheTemplateCheckTests {

	static final CourseTemplate TWO_TO_THREE = new CourseTemplate("t", "Two to three", "",
			EnumSet.of(RequiredPart.KNOWLEDGE_CHECK), null, null, 2, 3, List.of(), EnumSet.noneOf(AccessibilityRule.class),
			false, 1, Instant.now());

	@Test
	void aCourseWhoseQuestionsAreKnowledgeChecksHasItsKnowledgeCheck() {
		CourseContent course = course(List.of(), question("Who reports?"), question("When?"));
		assertThat(messages(course)).isEmpty();
	}

	@Test
	void knowledgeChecksAndQuizQuestionsCountTogether() {
		CourseContent course = course(List.of(question("Quiz one"), question("Quiz two")), question("Check one"),
				question("Check two"));
		assertThat(messages(course)).containsExactly(
				"The quiz and knowledge checks have 4 questions; the template allows at most 3");
		assertThat(messages(course(List.of(question("Quiz one")), question("Check one")))).isEmpty();
		assertThat(messages(course(List.of()))).containsExactly("Missing required part: knowledge check");
	}

	private static List<String> messages(CourseContent course) {
		return Templates.check(TWO_TO_THREE, CourseStandards.toCheck(course)).stream().map(Finding::message).toList();
	}

	private static CourseContent course(List<Question> quiz, Question... checks) {
		return new CourseContent("Incident reports", "How we report.", List.of(
				new Lesson(null, "Spot it", "Report within one hour.").withKnowledgeChecks(List.of(checks)),
				new Lesson(null, "Report it", "Use the form.")), new Quiz(80, quiz));
	}

	private static Question question(String prompt) {
		return new Question(null, QuestionKind.TRUE_FALSE, prompt, List.of("True", "False"), List.of(0), "");
	}
}
