package io.stride.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.standards.MarkdownChecks;

/**
 * Lints a draft's lessons: reading grade, length, long sentences, passive voice, images without alt text,
 * vague link text, and the organization's avoided terms.
 */
public final class QualityPanel {

	public static final int MAX_LESSON_WORDS = 600;

	public static final int LONG_SENTENCE_WORDS = 30;

	private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");

	private static final Pattern PASSIVE = Pattern.compile(
			"(?i)\\b(am|is|are|was|were|be|been|being)\\s+(\\w+ly\\s+)?(\\w+(ed|en)|made|done|paid|sent|kept|held|told|given|taken|built|set|put)\\b");

	public record LessonQuality(String module, String lesson, int words, double grade, int longSentences,
			int passivePercent, List<String> findings) {
	}

	private QualityPanel() {
	}

	public static List<LessonQuality> check(CourseDraft draft, List<StyleTerms.StyleTerm> terms) {
		List<LessonQuality> report = new ArrayList<>();
		for (DraftModule module : draft.modules()) {
			for (DraftLesson lesson : module.lessons()) {
				report.add(check(module.title(), lesson, terms));
			}
		}
		return report;
	}

	/** The same checks for one lesson of a course being edited. */
	public static LessonQuality check(String lessonTitle, String markdown, List<StyleTerms.StyleTerm> terms) {
		return check("", new DraftLesson(lessonTitle, markdown == null ? "" : markdown, List.of()), terms);
	}

	static LessonQuality check(String module, DraftLesson lesson, List<StyleTerms.StyleTerm> terms) {
		String markdown = lesson.markdown();
		List<String> findings = new ArrayList<>();
		MarkdownChecks.imagesWithoutAltText(markdown)
			.forEach(target -> findings.add("An image (" + target + ") has no alternative text."));
		MarkdownChecks.vagueLinkTexts(markdown)
			.forEach(text -> findings.add("Link text \"" + text + "\" says nothing about where it goes."));
		String text = MarkdownChecks.plainText(markdown);
		List<String> sentences = new ArrayList<>();
		Matcher s = SENTENCE.matcher(text.replace('\n', ' '));
		while (s.find()) {
			if (s.group().trim().split("\\s+").length >= 3) {
				sentences.add(s.group().trim());
			}
		}
		String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
		int syllables = 0;
		for (String word : words) {
			syllables += syllables(word);
		}
		double grade = words.length == 0 || sentences.isEmpty() ? 0
				: 0.39 * words.length / sentences.size() + 11.8 * syllables / words.length - 15.59;
		int longSentences = (int) sentences.stream().filter(x -> x.split("\\s+").length > LONG_SENTENCE_WORDS).count();
		int passive = (int) sentences.stream().filter(x -> PASSIVE.matcher(x).find()).count();
		int passivePercent = sentences.isEmpty() ? 0 : Math.round(100f * passive / sentences.size());
		if (words.length > MAX_LESSON_WORDS) {
			findings.add("Long lesson: " + words.length + " words (aim for at most " + MAX_LESSON_WORDS + "); consider splitting it.");
		}
		if (longSentences > 0) {
			findings.add(longSentences + " sentence" + (longSentences == 1 ? " has" : "s have") + " more than "
					+ LONG_SENTENCE_WORDS + " words.");
		}
		if (grade > 12) {
			findings.add("Hard to read: grade " + Math.round(grade) + "; shorter sentences and plainer words help.");
		}
		if (passivePercent > 30) {
			findings.add(passivePercent + "% of sentences are passive; say who does what.");
		}
		for (StyleTerms.StyleTerm term : terms) {
			MarkdownChecks.find(markdown, term.term()).ifPresent(found -> findings.add("Avoid \"" + found + "\""
					+ (term.preferred().isBlank() ? "." : "; write \"" + term.preferred() + "\" instead.")));
		}
		return new LessonQuality(module, lesson.title(), words.length, Math.round(grade * 10) / 10.0, longSentences,
				passivePercent, findings);
	}

	static int syllables(String word) {
		String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-zäöüéèàáíóúñ]", "");
		if (w.isEmpty()) {
			return 0;
		}
		int count = 0;
		boolean vowel = false;
		for (char c : w.toCharArray()) {
			boolean isVowel = "aeiouyäöüéèàáíóú".indexOf(c) >= 0;
			if (isVowel && !vowel) {
				count++;
			}
			vowel = isVowel;
		}
		if (w.endsWith("e") && count > 1) {
			count--;
		}
		return Math.max(1, count);
	}
}
