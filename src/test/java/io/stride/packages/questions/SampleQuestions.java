package io.stride.packages.questions;

import java.math.BigDecimal;
import java.util.List;

import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;

/** One question of every kind and scoring rule, with the characters GIFT and XML must escape. */
final class SampleQuestions {

	private SampleQuestions() {
	}

	static List<Question> all() {
		return List.of(
				new Question(null, QuestionKind.SINGLE_CHOICE, "Which sign means {equal} in a: b ~ c = d # e?",
						List.of("The = sign", "The ~ tilde", "A <b>tag</b>  & more"), List.of(0),
						"Equals: \"=\".\nSecond line: keep #hash and {braces}.\n\nA new paragraph."),
				new Question(null, QuestionKind.TRUE_FALSE, "Water boils at 100 °C at sea level.",
						List.of("True", "False"), List.of(0), "At 1 atm, yes."),
				new Question(null, QuestionKind.TRUE_FALSE, "You may skip the safety check.", List.of("True", "False"),
						List.of(1), ""),
				new Question(null, QuestionKind.TRUE_FALSE, "Is the ramp part of the route?", List.of("Yes", "No"),
						List.of(0), "The ramp counts."),
				Question.multipleSelect(null, "Which are primary colours?", List.of("Red", "Green", "Blue", "Yellow"),
						List.of(0, 2), Scoring.PARTIAL, "Red and blue (RYB)."),
				Question.multipleSelect(null, "Pick every prime.", List.of("2", "3", "4", "5"), List.of(0, 1, 3),
						Scoring.ALL_OR_NOTHING, ""),
				Question.multipleSelect(null, "Pick the one mammal.", List.of("Whale", "Shark", "Trout"), List.of(0),
						Scoring.PARTIAL, ""),
				Question.multipleSelect(null, "Pick the one bird.", List.of("Penguin", "Bat", "Bee"), List.of(0),
						Scoring.ALL_OR_NOTHING, ""),
				new Question(null, QuestionKind.ORDERING, "Put the steps in order.",
						List.of("Rinse", "Wet hands", "Dry", "Soap: 20 seconds"), List.of(1, 3, 0, 2),
						"Wet, soap, rinse, dry."),
				Question.matching(null, "Match each capital to its country.", List.of("Paris", "Rome", "Lisbon"),
						List.of("France", "Italy", "Portugal"), Scoring.PARTIAL, "Capitals."),
				new Question(null, QuestionKind.MATCHING, "Match the tool to its use.", List.of("Hammer", "Saw"), List.of(0, 1),
						"", null, Scoring.ALL_OR_NOTHING, null, null, null, List.of("Nails", "Planks", "Screws")),
				Question.shortAnswer(null, "Name the largest planet.", List.of("Jupiter", "Jupiter (planet)"), 0.85,
						"Jupiter is the largest."),
				Question.shortAnswer(null, "Which gas do plants take in?", List.of("carbon dioxide", "CO2"), null, ""),
				Question.numeric(null, "How heavy is the box?", new BigDecimal("3.50"), new BigDecimal("0.10"), "kg",
						"Weigh it: 3.5 kg."),
				Question.numeric(null, "What is -3 × 4?", new BigDecimal("-12"), BigDecimal.ZERO, null, ""));
	}

	static List<BankEntry> entries() {
		List<Question> all = all();
		return java.util.stream.IntStream.range(0, all.size())
			.mapToObj(i -> new BankEntry("Question " + (i + 1) + ": sample", all.get(i)))
			.toList();
	}
}
