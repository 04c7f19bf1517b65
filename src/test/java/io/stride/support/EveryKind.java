package io.stride.support;

import java.math.BigDecimal;
import java.util.List;

import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.Scoring;

/**
 * A course with one final-quiz question of every kind (in this order: single choice, multiple select with partial
 * credit, true/false, ordering, short answer, matching with partial credit, numeric) and a knowledge check after
 * its first lesson.
 */
public final class EveryKind {

	public static final int SINGLE = 0;

	public static final int MULTIPLE = 1;

	public static final int TRUE_FALSE = 2;

	public static final int ORDERING = 3;

	public static final int SHORT = 4;

	public static final int MATCHING = 5;

	public static final int NUMERIC = 6;

	private EveryKind() {
	}

	public static CourseContent course(String title, QuizSettings settings) {
		Question check = Question.shortAnswer(null, "Who gets the report?", List.of("the data protection officer", "DPO"),
				null, "The DPO decides what happens next.");
		return new CourseContent(title, "All question kinds.",
				List.of(new Lesson(null, "Spot it", "Report to the **data protection officer**.", List.of(), null, List.of(check)),
						new Lesson(null, "Report it", "Use the form.")),
				new Quiz(50, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Report within?", List.of("1 hour", "24 hours"),
								List.of(0), "The policy says 1 hour."),
						Question.multipleSelect(null, "Which are signs?", List.of("Resets", "Changed files", "Lunch", "Noise"),
								List.of(0, 1, 3), Scoring.PARTIAL, "Three of them are signs."),
						new Question(null, QuestionKind.TRUE_FALSE, "Wait for proof?", List.of("True", "False"), List.of(1),
								"Never wait."),
						new Question(null, QuestionKind.ORDERING, "Order the steps", List.of("Stop", "Report", "Record"),
								List.of(0, 1, 2), "Stop first."),
						Question.shortAnswer(null, "Name the dessert", List.of("Crème brûlée"), null, "A French dessert."),
						Question.matching(null, "Match the capitals", List.of("France", "Spain"), List.of("Paris", "Madrid"),
								Scoring.PARTIAL, "Capitals."),
						Question.numeric(null, "How many kilograms?", new BigDecimal("1.5"), new BigDecimal("0.1"), "kg",
								"One and a half.")),
						settings));
	}
}
