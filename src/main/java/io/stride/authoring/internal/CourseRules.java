package io.stride.authoring.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;

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
		for (int i = 0; i < lessons.size(); i++) {
			Lesson lesson = lessons.get(i);
			text(errors, "lessons[" + i + "].title", lesson.title(), true, MAX_TITLE, "Give the lesson a title.");
			text(errors, "lessons[" + i + "].markdown", lesson.markdown(), false, MAX_LESSON_TEXT, null);
			text(errors, "lessons[" + i + "].module", lesson.module(), false, MAX_TITLE, null);
		}
		int passMark = content.quiz().passMark();
		if (passMark < 0 || passMark > 100) {
			errors.put("passMark", "The pass mark is a percentage from 0 to 100.");
		}
		List<Question> questions = content.quiz().questions();
		if (questions.size() > MAX_QUESTIONS) {
			errors.put("questions", "A quiz can have at most " + MAX_QUESTIONS + " questions.");
		}
		for (int i = 0; i < questions.size(); i++) {
			checkQuestion(errors, "questions[" + i + "]", questions.get(i));
		}
		return errors;
	}

	private static void checkQuestion(Map<String, String> errors, String path, Question question) {
		if (question.kind() == null || !question.kind().supported()) {
			errors.put(path + ".kind", "Choose single choice, multiple choice, true/false or ordering.");
			return;
		}
		text(errors, path + ".prompt", question.prompt(), true, MAX_PROMPT, "Write the question.");
		text(errors, path + ".explanation", question.explanation(), false, MAX_EXPLANATION, null);
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
		if (options.stream().map(o -> o.trim().toLowerCase(java.util.Locale.ROOT)).distinct().count() < options.size()) {
			errors.put(path + ".options", "Two options say the same thing.");
			return;
		}
		List<Integer> correct = question.correct();
		if (question.kind().ordered()) {
			if (options.size() < 3) {
				errors.put(path + ".options", "An ordering question needs at least 3 steps.");
			}
			else if (correct.size() != options.size() || java.util.Set.copyOf(correct).size() != options.size()
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
