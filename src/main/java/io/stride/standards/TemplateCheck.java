package io.stride.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a course against a template. Course findings come first, then the quiz, then each lesson in order.
 */
final class TemplateCheck {

	private static final int SHOWN_CHARS = 80;

	private TemplateCheck() {
	}

	static List<Finding> check(CourseTemplate template, CourseToCheck course, Predicate<String> decorative) {
		List<Finding> findings = new ArrayList<>();
		requiredParts(template, course, findings);
		int courseWords = course.lessons().stream().mapToInt(lesson -> MarkdownChecks.words(lesson.markdown())).sum();
		if (template.maxCourseWords() != null && courseWords > template.maxCourseWords()) {
			findings.add(Finding.course("The course has " + courseWords + " words; the template allows "
					+ template.maxCourseWords()));
		}
		for (ToneTerm term : template.toneTerms()) {
			tone(term, course.title(), "The title", findings, Finding::course);
			tone(term, course.description(), "The summary", findings, Finding::course);
			tone(term, String.join("\n", course.objectives()), "An objective", findings, Finding::course);
		}
		quiz(template, course, findings);
		for (int i = 0; i < course.lessons().size(); i++) {
			lesson(template, i, course.lessons().get(i), decorative, findings);
		}
		return List.copyOf(findings);
	}

	private static void requiredParts(CourseTemplate template, CourseToCheck course, List<Finding> findings) {
		if (template.requires(RequiredPart.OBJECTIVES) && course.objectives().isEmpty()) {
			findings.add(Finding.course(missing(RequiredPart.OBJECTIVES)));
		}
		if (template.requires(RequiredPart.SUMMARY) && course.description().isBlank()) {
			findings.add(Finding.course(missing(RequiredPart.SUMMARY)));
		}
	}

	/** Knowledge checks are questions too: a course may ask all its questions after the lessons. */
	private static void quiz(CourseTemplate template, CourseToCheck course, List<Finding> findings) {
		int questions = course.questions() + course.knowledgeChecks();
		String asked = course.knowledgeChecks() == 0 ? "The quiz has " : "The quiz and knowledge checks have ";
		if (template.requires(RequiredPart.KNOWLEDGE_CHECK)) {
			if (questions == 0) {
				findings.add(Finding.quiz(missing(RequiredPart.KNOWLEDGE_CHECK)));
			}
			else if (questions < template.minQuestions()) {
				findings.add(Finding.quiz(asked + questions(questions) + "; the template asks for at least "
						+ template.minQuestions()));
			}
		}
		if (template.maxQuestions() != null && questions > template.maxQuestions()) {
			findings.add(Finding.quiz(asked + questions(questions) + "; the template allows at most "
					+ template.maxQuestions()));
		}
	}

	private static void lesson(CourseTemplate template, int index, CourseToCheck.Lesson lesson,
			Predicate<String> decorative, List<Finding> findings) {
		String name = lesson.title().isBlank() ? "Lesson " + (index + 1) : "Lesson '" + shown(lesson.title()) + "'";
		List<String> messages = new ArrayList<>();
		int words = MarkdownChecks.words(lesson.markdown());
		if (template.maxLessonWords() != null && words > template.maxLessonWords()) {
			messages.add(name + " has " + words + " words; the template allows " + template.maxLessonWords());
		}
		for (ToneTerm term : template.toneTerms()) {
			MarkdownChecks.find(lesson.title() + "\n" + lesson.markdown(), term.term())
				.ifPresent(found -> messages.add(name + " says " + replace(found, term)));
		}
		String markdown = lesson.markdown();
		if (template.applies(AccessibilityRule.IMAGES_NEED_ALT_TEXT)) {
			MarkdownChecks.imagesWithoutAltText(markdown)
				.stream()
				.filter(target -> !decorative.test(target))
				.forEach(target -> messages.add(name + ": an image (" + shown(target) + ") has no alternative text"));
		}
		if (template.applies(AccessibilityRule.DESCRIPTIVE_LINK_TEXT)) {
			MarkdownChecks.vagueLinkTexts(markdown).forEach(text -> messages.add(name + ": link text '" + shown(text)
					+ "' says nothing about where the link goes"));
		}
		if (template.applies(AccessibilityRule.NO_SKIPPED_HEADING_LEVELS)) {
			MarkdownChecks.headingJumps(markdown).forEach(jump -> messages.add(jump.from() == 0
					? name + ": the first heading is level " + jump.to() + "; start at level 1 (# Heading)"
					: name + ": heading level jumps from " + jump.from() + " to " + jump.to()));
		}
		if (template.applies(AccessibilityRule.NO_EMPHASIS_BY_CAPITALS)) {
			MarkdownChecks.capitalsForEmphasis(markdown).forEach(phrase -> messages.add(name + ": '" + shown(phrase)
					+ "' is emphasised by capitals alone; use bold and say why it matters"));
		}
		if (template.applies(AccessibilityRule.TABLES_NEED_HEADER_ROW)) {
			int tables = MarkdownChecks.tablesWithoutHeader(markdown);
			if (tables > 0) {
				messages.add(name + ": " + (tables == 1 ? "a table has" : tables + " tables have") + " no header row");
			}
		}
		messages.forEach(message -> findings.add(Finding.lesson(index, lesson.title(), message)));
	}

	private static void tone(ToneTerm term, String text, String where, List<Finding> findings,
			Function<String, Finding> finding) {
		MarkdownChecks.find(text, term.term()).ifPresent(found -> findings.add(finding.apply(where + " says " + replace(found, term))));
	}

	private static String replace(String found, ToneTerm term) {
		return "'" + found + "': " + (term.preferred().isEmpty() ? "avoid it" : "write '" + term.preferred() + "'");
	}

	private static String missing(RequiredPart part) {
		return "Missing required part: " + part.label();
	}

	private static String questions(int count) {
		return count + (count == 1 ? " question" : " questions");
	}

	private static String shown(String text) {
		String oneLine = text.strip().replaceAll("\\s+", " ");
		return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS - 1) + "…";
	}
}
