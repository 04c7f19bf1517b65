package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the bullet or number in front of a Word list paragraph, as Tika writes it ("· " for every bullet,
 * "1. ", "a) ", "i. ", "1.2. " for numbers) or as an author typed it ("•", "-", "o", "§", Wingdings and Symbol
 * private-use bullets), and works out the paragraph's nesting level where the text shows it: within one run of list
 * paragraphs, a kind of marker not seen yet opens a deeper level ("1." then "a)" then "i."), one seen before goes
 * back to its level, and "1.2.3." is three levels deep by itself.
 */
final class ListMarkers {

	/** A list paragraph's marker: how long it is (with the space after it), its kind, its level. */
	record Marker(int length, boolean ordered, int level) {
	}

	private static final String SPACE = "[\\s\\u00a0]+";

	/** Word's own bullets (Tika's "·") and the ones authors type; U+F0xx are Symbol and Wingdings glyphs. */
	private static final Pattern BULLET = Pattern.compile(
			"^([\\u00b7\\u2022\\u2023\\u2043\\u2219\\u25aa\\u25ab\\u25a0\\u25a1\\u25cf\\u25cb\\u25e6\\u25c6\\u2666\\u2756"
					+ "\\u27a2\\u2713\\u2714\\u2013\\u2014\\uf000-\\uf0ff*>-])" + SPACE);

	/** "o" and "§" are Word's second and third bullet when typed or pasted; "§ 3" is a section, not a bullet. */
	private static final Pattern LETTER_BULLET = Pattern.compile("^([o§])" + SPACE + "(?=([^\\d\\s]))");

	/** "1.2." (or "1.2" inside a list): "1.5 hours" opening a paragraph is no list. */
	private static final Pattern MULTI_LEVEL = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})+)(\\.?)" + SPACE);

	private static final Pattern NUMBER = Pattern.compile(
			"^\\(?(\\d{1,3}|[a-zA-Z]|[ivxlcdm]{2,7}|[IVXLCDM]{2,7})([.)])" + SPACE);

	/** The kinds of marker in the current run of list paragraphs, outermost first. */
	private final List<String> kinds = new ArrayList<>();

	/** The last letter used at the letter levels, to tell "i." after "h." (a letter) from "i." opening a level. */
	private char lastLower;

	private char lastUpper;

	/**
	 * The marker in front of a paragraph, or null if it is not a list paragraph.
	 * @param inList whether the paragraph is styled as a list paragraph or follows one: letters and roman numbers
	 * count as numbers only then ("A. Smith wrote..." is no list)
	 */
	Marker match(String text, boolean inList) {
		Matcher bullet = BULLET.matcher(text);
		if (bullet.find()) {
			return new Marker(bullet.end(), false, levelOf("bullet " + canonicalBullet(bullet.group(1))));
		}
		Matcher letterBullet = LETTER_BULLET.matcher(text);
		// outside a list, an "o" counts only before a capital ("o Your passport", not Italian "o meno")
		if (letterBullet.find() && (inList || letterBullet.group(1).equals("o")
				&& Character.isUpperCase(letterBullet.group(2).codePointAt(0)))) {
			return new Marker(letterBullet.end(), false, levelOf("bullet " + letterBullet.group(1)));
		}
		Matcher multi = MULTI_LEVEL.matcher(text);
		if (multi.find() && (inList || !multi.group(2).isEmpty())) {
			int depth = multi.group(1).split("\\.").length - 1;
			return new Marker(multi.end(), true, depth);
		}
		Matcher number = NUMBER.matcher(text);
		if (!number.find()) {
			return null;
		}
		String value = number.group(1);
		String kind = kindOf(value);
		if (!inList && !kind.equals("decimal")) {
			return null;
		}
		if (kind.equals("lower-letter")) {
			lastLower = value.charAt(0);
		}
		else if (kind.equals("upper-letter")) {
			lastUpper = value.charAt(0);
		}
		return new Marker(number.end(), true, levelOf(kind + (text.startsWith("(") ? " (" : " ") + number.group(2)));
	}

	/** A paragraph that is no list item ends the run of list paragraphs. */
	void endOfList() {
		kinds.clear();
		lastLower = 0;
		lastUpper = 0;
	}

	private String kindOf(String value) {
		if (Character.isDigit(value.charAt(0))) {
			return "decimal";
		}
		if (value.length() > 1) {
			return Character.isLowerCase(value.charAt(0)) ? "lower-roman" : "upper-roman";
		}
		char c = value.charAt(0);
		boolean lower = Character.isLowerCase(c);
		boolean roman = "ivxlcdm".indexOf(Character.toLowerCase(c)) >= 0;
		char last = lower ? lastLower : lastUpper;
		// "i." right after "h." continues the letters; "i." anywhere else opens a roman level
		boolean continuesLetters = last != 0 && c == last + 1;
		if (roman && !continuesLetters && (Character.toLowerCase(c) == 'i' || romanOpen(lower))) {
			return lower ? "lower-roman" : "upper-roman";
		}
		return lower ? "lower-letter" : "upper-letter";
	}

	private boolean romanOpen(boolean lower) {
		return kinds.stream().anyMatch(k -> k.startsWith(lower ? "lower-roman" : "upper-roman"));
	}

	private int levelOf(String kind) {
		int at = kinds.indexOf(kind);
		if (at >= 0) {
			while (kinds.size() > at + 1) {
				kinds.removeLast();
			}
			return at;
		}
		kinds.add(kind);
		return kinds.size() - 1;
	}

	private static String canonicalBullet(String glyph) {
		// Word's three default bullets, however they arrive, are told apart; other glyphs are themselves
		return switch (glyph) {
			case "\u00b7", "\u2022", "\u2219", "\uf0b7", "\u25cf" -> "dot";
			case "\u25aa", "\u25a0", "\uf0a7" -> "square";
			default -> glyph.toLowerCase(Locale.ROOT);
		};
	}
}
