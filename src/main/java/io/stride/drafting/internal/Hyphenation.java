package io.stride.drafting.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.drafting.internal.PdfLines.Line;
import io.stride.drafting.internal.PdfLines.Word;

/**
 * Puts words broken at a line's end back together, knowing the words the document uses elsewhere.
 */
final class Hyphenation {

	/** Word beginnings that keep their hyphen when a line break falls after them ("self-\nservice"). */
	private static final Set<String> COMPOUND_PREFIXES = Set.of("self", "well", "non", "cross", "half", "e", "follow", "sign",
			"opt", "check", "third");

	/** Word endings that never stand alone, so a hyphen before them is only the line break's. */
	private static final Set<String> SUFFIXES = Set.of("s", "er", "ers", "est", "ing", "ings", "ed", "ly", "ness", "ment",
			"ments", "tion", "tions", "able", "ible", "ity", "ous", "ive", "al", "ish", "y");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	/** The document's words, lower case, hyphenated compounds among them. */
	private final Set<String> vocabulary = new HashSet<>();

	Hyphenation(List<Line> lines) {
		for (Line line : lines) {
			for (Word word : line.words()) {
				for (String token : SPACE.split(word.text().toLowerCase(Locale.ROOT))) {
					String bare = bare(token);
					if (!bare.isEmpty() && !bare.endsWith("-")) {
						vocabulary.add(bare);
					}
				}
			}
		}
	}

	/**
	 * The word that {@code end} (a line's last word) and {@code start} (the next line's first) make when the line
	 * broke inside it, or null when they are two words. "imple-" "mentation" is "implementation"; a capitalised,
	 * numbered or known compound keeps its hyphen: "Self-Service", "COVID-19", "self-service".
	 */
	String unbroken(String end, String start) {
		boolean soft = end.endsWith("\u00ad");
		if (!(soft || end.endsWith("-")) || end.length() < 2 || start.isEmpty()
				|| !Character.isLetter(end.charAt(end.length() - 2))) {
			return null;
		}
		int first = start.codePointAt(0);
		if (!Character.isLetterOrDigit(first)) {
			return null;
		}
		String head = end.substring(0, end.length() - 1);
		if (soft) {
			return head + start;
		}
		if (Character.isUpperCase(first) || Character.isDigit(first)) {
			return end + start;
		}
		String before = head.substring(head.lastIndexOf('-') + 1).toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+", "");
		String after = start.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}].*$", "");
		if (vocabulary.contains(before + "-" + after)) {
			return end + start;
		}
		if (vocabulary.contains(before + after)) {
			return head + start;
		}
		if (head.contains("-") || COMPOUND_PREFIXES.contains(before) && !SUFFIXES.contains(after) && after.length() >= 2) {
			return end + start;
		}
		return head + start;
	}

	/** A token without the punctuation around it (a hyphen at its end stays). */
	private static String bare(String token) {
		int start = 0;
		int end = token.length();
		while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1)) && token.charAt(end - 1) != '-') {
			end--;
		}
		return token.substring(start, end);
	}
}
