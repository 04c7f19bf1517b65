package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;
import io.stride.drafting.GlossaryEntry;

/**
 * The glossary: only terms the document really defines. A definition ("X means …"), a bold term explained, a label in
 * a glossary or definitions section, a capitalised name for a thing ("Incident Handler: …"), an acronym with its
 * expansion ("SLA (service level agreement)" → "SLA — Service level agreement"). A list item that merely starts
 * with a few words and a colon ("Total budget: EUR 12,500", "Ask yourself: …") is no term.
 */
final class Glossary {

	/** Words a term does not start with: a term names a thing; these start an instruction, a judgement or a clause. */
	private static final Set<String> NOT_A_TERM_START = Set.of("good", "bad", "best", "better", "poor", "right", "wrong",
			"your", "my", "our", "their", "his", "her", "this", "that", "these", "those", "it", "we", "you", "they", "some",
			"any", "each", "every", "all", "no", "if", "when", "why", "how", "what", "who", "where", "total", "maximum",
			"minimum", "most", "more", "less", "other", "one", "first", "last", "next", "questions", "example", "note");

	private static final Pattern GLOSSARY_SECTION = Pattern.compile("(?i).*\\b(?:glossary|definitions|key terms|terms|"
			+ "terminology|roles|statuses|levels|abbreviations|acronyms|who is involved|who does what)\\b.*");

	/** An expansion followed by its acronym in brackets: "service level agreement (SLA)". */
	private static final Pattern EXPANSION_FIRST = Pattern.compile("((?:[\\p{L}][\\p{L}-]*\\s+){1,7}[\\p{L}][\\p{L}-]*)\\s+\\((\\p{Lu}{2,6})s?\\)");

	/** An acronym followed by its expansion in brackets: "LMRA (Last Minute Risk Assessment)". */
	private static final Pattern ACRONYM_FIRST = Pattern.compile("\\b(\\p{Lu}{2,6})\\s+\\(((?:[\\p{L}][\\p{L}-]*\\s+){1,7}[\\p{L}][\\p{L}-]*)\\)");

	private static final Set<String> SMALL_WORDS = Set.of("and", "of", "for", "the", "to", "in", "on", "a", "an", "at", "by", "&");

	private Glossary() {
	}

	static List<GlossaryEntry> of(List<Definitions.Definition> definitions, List<Sentence> sentences) {
		Map<String, GlossaryEntry> entries = new LinkedHashMap<>();
		for (Definitions.Definition definition : definitions) {
			if (isTerm(definition)) {
				entries.putIfAbsent(Words.lower(definition.term()), new GlossaryEntry(definition.term(),
						definition.definition(), definition.sentence().citation()));
			}
		}
		for (Sentence sentence : sentences) {
			for (String[] acronym : acronyms(sentence.text())) {
				String key = Words.lower(acronym[0]);
				boolean known = entries.containsKey(key) || entries.containsKey(Words.lower(acronym[1]))
						|| entries.keySet().stream().anyMatch(k -> k.startsWith(key + " ") || k.contains("(" + key + ")"));
				if (!known) {
					entries.put(key, new GlossaryEntry(acronym[0], Words.capitalize(acronym[1]), sentence.citation()));
				}
			}
		}
		return new ArrayList<>(entries.values());
	}

	/** Whether a definition found in the text defines a real term, not a phrase that happens to precede a colon. */
	static boolean isTerm(Definitions.Definition definition) {
		String term = definition.term().strip();
		String[] words = term.split("\\s+");
		String first = Words.lower(words[0]);
		if (words.length > 5 || term.length() < 2 || NOT_A_TERM_START.contains(first)
				|| Objectives.VERBS.contains(Words.capitalize(first)) || Words.isStop(words[words.length - 1])) {
			return false;
		}
		String explanation = definition.definition().strip();
		String opening = String.join(" ", Arrays.asList(explanation.split("\\s+")).subList(0,
				Math.min(3, Words.count(explanation))));
		if (explanation.matches("(?i)^(?:(?:the|a|an|up to|at least|at most|max(?:imum)?|min(?:imum)?)\\s+)?(?:[€$£]|\\d[\\d.,:]*(?![\\d.,:-])).*")
				|| explanation.matches("^[A-Z]{3}\\s+\\d.*")
				|| opening.matches("(?i).*(?:@|https?:|www\\.|\\bextension\\b|\\bext\\.|\\bphone\\b).*")) {
			// "Total budget: EUR 12,500" states a figure and "Billing: billing@…" an address; they define nothing
			return false;
		}
		Block block = definition.sentence().block();
		boolean bold = block.bold().stream().anyMatch(b -> b.equalsIgnoreCase(term) || b.toLowerCase(Locale.ROOT)
			.startsWith(Words.lower(term)));
		String text = definition.sentence().text().replace("**", "").strip();
		boolean labelled = block.is(Block.Kind.LIST_ITEM)
				&& text.matches("(?s)^\\Q" + term + "\\E\\s*(?::|\\s[–—-]\\s).*");
		if (!labelled || bold) {
			// "X means …", "X is a …" with X in bold: the author defines X
			return true;
		}
		boolean named = words.length > 1 && Arrays.stream(words).allMatch(w -> Character.isUpperCase(w.codePointAt(0)));
		boolean acronym = term.matches("\\p{Lu}{2,6}s?");
		return named || acronym || inGlossarySection(definition.sentence());
	}

	private static boolean inGlossarySection(Sentence sentence) {
		List<Block> blocks = sentence.source().blocks();
		for (int i = blocks.indexOf(sentence.block()); i >= 0; i--) {
			if (blocks.get(i).is(Block.Kind.HEADING)) {
				return GLOSSARY_SECTION.matcher(blocks.get(i).text()).matches();
			}
		}
		return false;
	}

	/** Acronyms with their expansion in {@code text}: [acronym, expansion as written]. */
	static List<String[]> acronyms(String text) {
		List<String[]> found = new ArrayList<>();
		if (text.indexOf('(') < 0) {
			return found;
		}
		Matcher m = EXPANSION_FIRST.matcher(text);
		while (m.find()) {
			String expansion = matching(m.group(1).split("\\s+"), m.group(2), true);
			if (expansion != null) {
				found.add(new String[] { m.group(2), expansion });
			}
		}
		m = ACRONYM_FIRST.matcher(text);
		while (m.find()) {
			String expansion = matching(m.group(2).split("\\s+"), m.group(1), false);
			if (expansion != null) {
				found.add(new String[] { m.group(1), expansion });
			}
		}
		return found;
	}

	/**
	 * The words whose initials spell {@code acronym} (small words like "of" may be skipped): the last such words
	 * when the expansion comes before the acronym, all of them when it follows in brackets.
	 */
	private static String matching(String[] words, String acronym, boolean fromEnd) {
		for (int start = fromEnd ? words.length - 1 : 0; start >= 0 && start < words.length; start += fromEnd ? -1 : 1) {
			if (fromEnd && SMALL_WORDS.contains(Words.lower(words[start]))) {
				continue;
			}
			StringBuilder initials = new StringBuilder();
			for (int i = start; i < words.length; i++) {
				if (!SMALL_WORDS.contains(Words.lower(words[i]))) {
					initials.append(Character.toUpperCase(words[i].charAt(0)));
				}
			}
			if (initials.toString().equals(acronym)) {
				return String.join(" ", Arrays.copyOfRange(words, start, words.length));
			}
			if (!fromEnd) {
				break;
			}
		}
		return null;
	}
}
