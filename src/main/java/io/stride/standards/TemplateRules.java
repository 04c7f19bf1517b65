package io.stride.standards;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a template must satisfy to be saved, as messages per field.
 */
final class TemplateRules {

	static final int MAX_NAME = 120;

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_WORDS = 100_000;

	static final int MAX_QUESTIONS = 100;

	static final int MAX_TERMS = 50;

	static final int MAX_TERM = 100;

	static final int MAX_PREFERRED = 200;

	private TemplateRules() {
	}

	static Map<String, String> check(TemplateContent content) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (content.name().isEmpty() || content.name().length() > MAX_NAME) {
			errors.put("name", "Give the template a name of at most " + MAX_NAME + " characters.");
		}
		if (content.description().length() > MAX_DESCRIPTION) {
			errors.put("description", "Keep the description under " + MAX_DESCRIPTION + " characters.");
		}
		words(content.maxLessonWords(), "maxLessonWords", "lesson", errors);
		words(content.maxCourseWords(), "maxCourseWords", "course", errors);
		if (content.minQuestions() < 0 || content.minQuestions() > MAX_QUESTIONS) {
			errors.put("minQuestions", "The minimum is a number of questions from 0 to " + MAX_QUESTIONS + ".");
		}
		else if (content.minQuestions() > 0 && !content.requiredParts().contains(RequiredPart.KNOWLEDGE_CHECK)) {
			errors.put("minQuestions", "A minimum number of questions needs the knowledge check to be required; "
					+ "require it, or set the minimum to 0.");
		}
		Integer max = content.maxQuestions();
		if (max != null && (max < 1 || max > MAX_QUESTIONS)) {
			errors.put("maxQuestions", "The maximum is a number of questions from 1 to " + MAX_QUESTIONS
					+ ", or empty for no limit.");
		}
		else if (max != null && max < content.minQuestions()) {
			errors.put("maxQuestions", "The maximum can't be below the minimum (" + content.minQuestions() + ").");
		}
		terms(content, errors);
		return errors;
	}

	private static void words(Integer limit, String field, String what, Map<String, String> errors) {
		if (limit != null && (limit < 1 || limit > MAX_WORDS)) {
			errors.put(field, "The " + what + " limit is a number of words from 1 to " + MAX_WORDS
					+ ", or empty for no limit.");
		}
	}

	private static void terms(TemplateContent content, Map<String, String> errors) {
		if (content.toneTerms().size() > MAX_TERMS) {
			errors.put("toneTerms", "A template holds at most " + MAX_TERMS + " terms.");
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < content.toneTerms().size(); i++) {
			ToneTerm term = content.toneTerms().get(i);
			String problem = null;
			if (term.term().isEmpty() || term.term().length() > MAX_TERM) {
				problem = "give the term to avoid (at most " + MAX_TERM + " characters).";
			}
			else if (term.preferred().length() > MAX_PREFERRED) {
				problem = "keep the suggestion under " + MAX_PREFERRED + " characters.";
			}
			else if (!seen.add(term.term().toLowerCase(Locale.ROOT))) {
				problem = "\"" + term.term() + "\" is on the list already.";
			}
			if (problem != null) {
				errors.put("toneTerms", "Term " + (i + 1) + ": " + problem);
				return;
			}
		}
	}
}
