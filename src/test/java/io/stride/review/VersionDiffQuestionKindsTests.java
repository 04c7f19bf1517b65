package io.stride.review;

import java.util.List;

import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers see a change to what makes an answer right, and to knowledge checks, not only to prompts and options.
 */
class VersionDiffQuestionKindsTests {

	private static Course course(int version, Question quiz, Question check) {
		return new Course(new CourseId("c"), "T", "", CourseStatus.DRAFT, version, 1, null,
				List.of(new Lesson("l1", "L1", "text", List.of(), null, List.of(check))), new Quiz(80, List.of(quiz)), null,
				null, List.of(), RiskTier.LOW, null, null, null);
	}

	@Test
	void aChangedAcceptedAnswerAndAChangedKnowledgeCheckShowAsChanged() {
		Question quizBefore = Question.shortAnswer("q1", "Who?", List.of("the DPO"), null, "");
		Question quizAfter = Question.shortAnswer("q1", "Who?", List.of("the DPO", "data protection officer"), null, "");
		Question checkBefore = Question.shortAnswer("c1", "How soon?", List.of("1 hour"), null, "");
		Question checkAfter = Question.shortAnswer("c1", "How soon?", List.of("24 hours"), null, "");
		VersionDiff.Report report = VersionDiff.between(course(1, quizBefore, checkBefore), course(2, quizAfter, checkAfter));
		assertThat(report.questions()).extracting(VersionDiff.QuestionChange::prompt, VersionDiff.QuestionChange::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Who?", VersionDiff.Change.CHANGED),
					org.assertj.core.groups.Tuple.tuple("How soon?", VersionDiff.Change.CHANGED));
		assertThat(report.questions().get(1).before()).isEqualTo("How soon? — accepted: 1 hour");
		assertThat(VersionDiff.between(course(1, quizBefore, checkBefore), course(2, quizBefore, checkBefore)).questions())
			.extracting(VersionDiff.QuestionChange::change)
			.containsOnly(VersionDiff.Change.UNCHANGED);
	}
}
