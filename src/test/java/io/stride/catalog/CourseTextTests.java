package io.stride.catalog;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.PersonId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the catalogue searches of a course: the words a reader meets, in lower case, and how many there are. */
class CourseTextTests {

	@Test
	void holdsTheWordsOfTitleLessonsAndQuestionsButNoFieldNames() {
		CourseContent content = new CourseContent("Refunds at the Desk", "When money goes back.",
				List.of(new Lesson("l1", "First steps", "Check the **receipt**.")),
				new Quiz(80, List.of(new Question("q1", QuestionKind.SINGLE_CHOICE, "What comes first?",
						List.of("The receipt", "The refund"), List.of(0), "Always the receipt."))),
				List.of("Refund without a manager"));
		CourseText text = CourseText.of(course(content));

		assertThat(text.text()).contains("refunds at the desk", "when money goes back", "first steps", "**receipt**",
				"what comes first?", "the refund", "always the receipt", "refund without a manager");
		assertThat(text.text()).doesNotContain("markdown", "lessons", "quiz", "prompt", "options", "objectives", "{", "\"");
		assertThat(text.words()).isEqualTo(4 + 4 + 2 + 3 + 3 + 2 + 2 + 3 + 4);
	}

	private static Course course(CourseContent c) {
		return new Course(new CourseId("c1"), c.title(), c.description(), CourseStatus.PUBLISHED, 1, 1, new PersonId("p1"),
				c.lessons(), c.quiz(), Instant.EPOCH, Instant.EPOCH, c.objectives(), null, null, null, 1);
	}
}
