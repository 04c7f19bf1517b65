package io.stride.authoring.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuizSettings;
import io.stride.shared.ControlCharacters;

/**
 * Limits and rules for course content, reported per field with the same paths the builder form uses
 * (e.g. {@code lessons[2].markdown}) so that each message shows next to its field.
 */
public final class CourseRules {

	public static final int MAX_TITLE = 200;

	public static final int MAX_DESCRIPTION = 4000;

	public static final int MAX_LESSONS = 50;

	public static final int MAX_LESSON_TEXT = 100_000;

	public static final int MAX_QUESTIONS = 100;

	public static final int MAX_PROMPT = 2000;

	public static final int MIN_OPTIONS = 2;

	public static final int MAX_OPTIONS = 10;

	public static final int MAX_OPTION = 500;

	public static final int MAX_EXPLANATION = 4000;

	public static final int MAX_CHECKS_PER_LESSON = 10;

	public static final int MAX_ACCEPTED = 20;

	/** Longest accepted answer, and longest typed answer a learner may save. */
	public static final int MAX_ANSWER_TEXT = 500;

	public static final double MIN_SIMILARITY = 0.5;

	private CourseRules() {
	}

	public static Map<String, String> check(CourseContent content) {
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "title", content.title(), true, MAX_TITLE, "Give the course a title.");
		text(errors, "description", content.description(), false, MAX_DESCRIPTION, null);
		if (content.objectives().size() > 10) {
			errors.put("objectives", "Keep to at most 10 objectives.");
		}
		else if (content.objectives().stream().anyMatch(o -> o.length() > 300)) {
			errors.put("objectives", "Keep each objective under 300 characters.");
		}
		List<Lesson> lessons = content.lessons();
		if (lessons.size() > MAX_LESSONS) {
			errors.put("lessons", "A course can have at most " + MAX_LESSONS + " lessons.");
		}
		int checks = 0;
		for (int i = 0; i < lessons.size(); i++) {
			Lesson lesson = lessons.get(i);
			text(errors, "lessons[" + i + "].title", lesson.title(), true, MAX_TITLE, "Give the lesson a title.");
			text(errors, "lessons[" + i + "].markdown", lesson.markdown(), false, MAX_LESSON_TEXT, null);
			text(errors, "lessons[" + i + "].module", lesson.module(), false, MAX_TITLE, null);
			if (lesson.knowledgeChecks().size() > MAX_CHECKS_PER_LESSON) {
				errors.put("lessons[" + i + "].knowledgeChecks",
						"A lesson can have at most " + MAX_CHECKS_PER_LESSON + " knowledge checks.");
			}
			for (int k = 0; k < lesson.knowledgeChecks().size(); k++) {
				checkQuestion(errors, "lessons[" + i + "].knowledgeChecks[" + k + "]", lesson.knowledgeChecks().get(k));
			}
			checks += lesson.knowledgeChecks().size();
		}
		int passMark = content.quiz().passMark();
		if (passMark < 0 || passMark > 100) {
			errors.put("passMark", "The pass mark is a whole percentage from 0 to 100.");
		}
		List<Question> questions = content.quiz().questions();
		if (questions.size() > MAX_QUESTIONS) {
			errors.put("questions", "A quiz can have at most " + MAX_QUESTIONS + " questions.");
		}
		else if (questions.size() + checks > MAX_QUESTIONS) {
			errors.put("questions", "A course can have at most " + MAX_QUESTIONS
					+ " questions, knowledge checks included (now " + (questions.size() + checks) + ").");
		}
		for (int i = 0; i < questions.size(); i++) {
			checkQuestion(errors, "questions[" + i + "]", questions.get(i));
		}
		checkSettings(errors, content.quiz().settings(), questions.size());
		noControlCharacters(errors, content);
		return errors;
	}

	/**
	 * Control characters anywhere in the content, at the first field that holds one; PostgreSQL refuses NUL, and the
	 * writer should hear which field rather than that the save clashed.
	 */
	private static void noControlCharacters(Map<String, String> errors, CourseContent content) {
		plain(errors, "title", content.title());
		plain(errors, "description", content.description());
		plain(errors, "tierReason", content.tierReason());
		content.objectives().forEach(objective -> plain(errors, "objectives", objective));
		for (int i = 0; i < content.lessons().size(); i++) {
			Lesson lesson = content.lessons().get(i);
			plain(errors, "lessons[" + i + "].title", lesson.title());
			plain(errors, "lessons[" + i + "].markdown", lesson.markdown());
			plain(errors, "lessons[" + i + "].module", lesson.module());
			for (int k = 0; k < lesson.knowledgeChecks().size(); k++) {
				plainQuestion(errors, "lessons[" + i + "].knowledgeChecks[" + k + "]", lesson.knowledgeChecks().get(k));
			}
		}
		for (int i = 0; i < content.quiz().questions().size(); i++) {
			plainQuestion(errors, "questions[" + i + "]", content.quiz().questions().get(i));
		}
	}

	private static void plainQuestion(Map<String, String> errors, String path, Question question) {
		plain(errors, path + ".prompt", question.prompt());
		plain(errors, path + ".explanation", question.explanation());
		question.options().forEach(option -> plain(errors, path + ".options", option));
		question.accepted().forEach(accepted -> plain(errors, path + ".accepted", accepted));
		question.matches().forEach(match -> plain(errors, path + ".matches", match));
		if (question.numeric() != null) {
			plain(errors, path + ".unit", question.numeric().unit());
		}
	}

	private static void plain(Map<String, String> errors, String field, String value) {
		if (ControlCharacters.in(value)) {
			errors.putIfAbsent(field, ControlCharacters.MESSAGE);
		}
	}

	private static void checkSettings(Map<String, String> errors, QuizSettings settings, int questions) {
		Integer attempts = settings.attemptLimit();
		if (attempts != null && (attempts < 1 || attempts > QuizSettings.MAX_ATTEMPTS)) {
			errors.put("attemptLimit", "Allow from 1 to " + QuizSettings.MAX_ATTEMPTS
					+ " attempts, or leave it empty for no limit.");
		}
		Integer minutes = settings.timeLimitMinutes();
		if (minutes != null && (minutes < 1 || minutes > QuizSettings.MAX_MINUTES)) {
			errors.put("timeLimitMinutes", "Give from 1 to " + QuizSettings.MAX_MINUTES
					+ " minutes, or leave it empty for no time limit.");
		}
		Integer draw = settings.drawCount();
		if (draw != null && questions == 0) {
			errors.put("drawCount", "There are no quiz questions to draw from; leave it empty.");
		}
		else if (draw != null && (draw < 1 || draw > questions)) {
			errors.put("drawCount", "Draw from 1 to " + questions + " questions (the quiz has " + questions
					+ "), or leave it empty to ask them all.");
		}
	}

	private static void checkQuestion(Map<String, String> errors, String path, Question question) {
		if (question.kind() == null || !question.kind().supported()) {
			errors.put(path + ".kind", "Choose the kind of question.");
			return;
		}
		text(errors, path + ".prompt", question.prompt(), true, MAX_PROMPT, "Write the question.");
		text(errors, path + ".explanation", question.explanation(), false, MAX_EXPLANATION, null);
		switch (question.kind()) {
			case SHORT_ANSWER -> checkShortAnswer(errors, path, question);
			case NUMERIC -> checkNumeric(errors, path, question.numeric());
			case MATCHING -> checkMatching(errors, path, question);
			default -> checkOptions(errors, path, question);
		}
	}

	private static void checkShortAnswer(Map<String, String> errors, String path, Question question) {
		List<String> accepted = question.accepted();
		if (accepted.isEmpty()) {
			errors.put(path + ".accepted", "Give at least one accepted answer.");
		}
		else if (accepted.size() > MAX_ACCEPTED) {
			errors.put(path + ".accepted", "Give at most " + MAX_ACCEPTED + " accepted answers.");
		}
		else if (accepted.stream().anyMatch(a -> a.length() > MAX_ANSWER_TEXT)) {
			errors.put(path + ".accepted", "Keep each accepted answer under " + MAX_ANSWER_TEXT + " characters.");
		}
		else if (accepted.stream().anyMatch(a -> !a.codePoints().anyMatch(Character::isLetterOrDigit))) {
			errors.put(path + ".accepted", "Each accepted answer needs letters or digits: punctuation alone is ignored "
					+ "when answers are compared.");
		}
		Double similarity = question.similarity();
		if (similarity != null && !(similarity >= MIN_SIMILARITY && similarity <= 1.0)) {
			errors.put(path + ".similarity", "The similarity threshold is a number from " + MIN_SIMILARITY
					+ " to 1 (e.g. 0.85); higher accepts fewer answers.");
		}
	}

	private static void checkNumeric(Map<String, String> errors, String path, NumericAnswer numeric) {
		if (numeric.value() == null) {
			errors.put(path + ".value", "Give the right answer as a number, e.g. 1.5.");
		}
		else if (!NumericAnswer.representable(numeric.value())) {
			errors.put(path + ".value", NumericAnswer.OUT_OF_RANGE);
		}
		if (numeric.tolerance() == null || numeric.tolerance().signum() < 0) {
			errors.put(path + ".tolerance", "The tolerance is a number of 0 or more (empty means the exact value).");
		}
		else if (!NumericAnswer.representable(numeric.tolerance())) {
			errors.put(path + ".tolerance", NumericAnswer.OUT_OF_RANGE);
		}
		if (numeric.unit() != null && numeric.unit().length() > NumericAnswer.MAX_UNIT) {
			errors.put(path + ".unit", "Keep the unit under " + NumericAnswer.MAX_UNIT + " characters.");
		}
	}

	private static void checkMatching(Map<String, String> errors, String path, Question question) {
		List<String> items = question.options();
		List<String> matches = question.matches();
		if (items.size() < MIN_OPTIONS || items.size() > MAX_OPTIONS) {
			errors.put(path + ".options", "Give between " + MIN_OPTIONS + " and " + MAX_OPTIONS + " pairs.");
			return;
		}
		if (!texts(errors, path + ".options", items, "Items") || !texts(errors, path + ".matches", matches, "Matches")) {
			return;
		}
		if (matches.size() > MAX_OPTIONS) {
			errors.put(path + ".matches", "Give at most " + MAX_OPTIONS + " matches, extra ones included.");
			return;
		}
		List<Integer> correct = question.correct();
		if (correct.size() != items.size() || correct.stream().anyMatch(i -> i < 0 || i >= matches.size())) {
			errors.put(path + ".matches", "Give each item its match.");
		}
		else if (Set.copyOf(correct).size() != correct.size()) {
			errors.put(path + ".matches", "Each item needs a match of its own.");
		}
	}

	/** Non-empty, not too long, and no two alike; answers whether they are. */
	private static boolean texts(Map<String, String> errors, String field, List<String> values, String what) {
		for (String value : values) {
			if (value == null || value.isBlank()) {
				errors.put(field, what + " cannot be empty.");
				return false;
			}
			if (value.length() > MAX_OPTION) {
				errors.put(field, "Keep each one under " + MAX_OPTION + " characters.");
				return false;
			}
		}
		if (values.stream().map(o -> o.trim().toLowerCase(Locale.ROOT)).distinct().count() < values.size()) {
			errors.put(field, "Two " + what.toLowerCase(Locale.ROOT) + " say the same thing.");
			return false;
		}
		return true;
	}

	private static void checkOptions(Map<String, String> errors, String path, Question question) {
		List<String> options = question.options();
		if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
			errors.put(path + ".options", "Give between " + MIN_OPTIONS + " and " + MAX_OPTIONS + " options.");
			return;
		}
		for (String option : options) {
			if (option == null || option.isBlank()) {
				errors.put(path + ".options", "Options cannot be empty.");
				return;
			}
			if (option.length() > MAX_OPTION) {
				errors.put(path + ".options", "Keep each option under " + MAX_OPTION + " characters.");
				return;
			}
		}
		if (options.stream().map(o -> o.trim().toLowerCase(Locale.ROOT)).distinct().count() < options.size()) {
			errors.put(path + ".options", "Two options say the same thing.");
			return;
		}
		List<Integer> correct = question.correct();
		if (question.kind().ordered()) {
			if (options.size() < 3) {
				errors.put(path + ".options", "An ordering question needs at least 3 steps.");
			}
			else if (correct.size() != options.size() || Set.copyOf(correct).size() != options.size()
					|| correct.stream().anyMatch(index -> index < 0 || index >= options.size())) {
				errors.put(path + ".correct", "The right order must use every step exactly once.");
			}
			return;
		}
		if (correct.stream().anyMatch(index -> index == null || index < 0 || index >= options.size())) {
			errors.put(path + ".correct", "A correct answer points to an option that does not exist.");
		}
		else if (correct.isEmpty()) {
			errors.put(path + ".correct", "Mark the correct answer.");
		}
		else if (question.kind().singleAnswer() && correct.size() != 1) {
			errors.put(path + ".correct", "Mark exactly one correct answer, or make it a multiple-choice question.");
		}
	}

	private static void text(Map<String, String> errors, String field, String value, boolean required, int max,
			String missing) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, missing);
			}
		}
		else if (value.length() > max) {
			errors.put(field, "Use at most " + max + " characters (now " + value.length() + ").");
		}
	}
}
