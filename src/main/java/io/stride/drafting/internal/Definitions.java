package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds definitions: "X means ...", "X refers to ...", "X is defined as ...", "X stands for ...", a list item
 * "X: ..." or "X – ...", and "X is a ..." when X is a bold term.
 */
final class Definitions {

	record Definition(String term, String definition, Sentence sentence) {
	}

	/** An article before the term, in any of the languages drafts are written in. */
	private static final String ARTICLE = "(?:(?:an?|the|der|die|das|ein|eine|le|la|les|un|une|el|los|las|una|de|het|een)\\s+|l['’])?";

	private static final Pattern EXPLICIT = Pattern.compile(
			"^" + ARTICLE + "(?<term>[\\p{L}][\\p{L}\\p{N}'’ -]{1,60}?)\\s+(?:means|refers to|is defined as|stands for|describes"
					// German, French, Spanish and Dutch
					+ "|bedeutet|bezeichnet|ist definiert als|steht für|désigne|signifie|est défini comme|correspond à"
					+ "|significa|se refiere a|se define como|designa|betekent|is gedefinieerd als|verwijst naar|staat voor)"
					+ "\\s+(?<def>.{8,})$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern COPULA = Pattern.compile(
			"^" + ARTICLE + "(?<term>[\\p{L}][\\p{L}\\p{N}'’ -]{1,60}?)\\s+(?:is|are|ist|sind|est|sont|es|son|zijn)\\s+"
					+ "(?<def>(?:an?|the|any|every|ein|eine|jede|jeder|un|une|una|uno|todo|toda|een|elke)\\s.{8,})$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern LABELLED = Pattern.compile("^(?<term>\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s[\\p{L}\\p{N}'’-]+){0,2})\\s*(?::|\\s[–—-]\\s)\\s*(?<def>.{8,})$");

	private Definitions() {
	}

	static List<Definition> find(List<Sentence> sentences) {
		Map<String, Definition> found = new LinkedHashMap<>();
		for (Sentence sentence : sentences) {
			String text = sentence.text().replaceAll("\\*\\*", "").strip();
			Definition definition = match(EXPLICIT, text, sentence, false);
			if (definition == null) {
				definition = match(COPULA, text, sentence, true);
			}
			if (definition == null && sentence.block().is(Block.Kind.LIST_ITEM)) {
				definition = match(LABELLED, text, sentence, false);
			}
			if (definition != null) {
				found.putIfAbsent(Words.lower(definition.term()), definition);
			}
		}
		return new ArrayList<>(found.values());
	}

	private static Definition match(Pattern pattern, String text, Sentence sentence, boolean needsBold) {
		Matcher m = pattern.matcher(text);
		if (!m.matches()) {
			return null;
		}
		String term = m.group("term").strip();
		String definition = m.group("def").strip().replaceAll("[.;]$", "");
		int words = Words.count(term);
		if (words > 5 || Words.isStop(term) || term.matches(".*\\d.*")) {
			return null;
		}
		if (needsBold && sentence.block().bold().stream().noneMatch(b -> b.equalsIgnoreCase(term))) {
			return null;
		}
		if (Character.isLowerCase(term.codePointAt(0)) && sentence.block().bold().stream().noneMatch(b -> b.equalsIgnoreCase(term))) {
			return null;
		}
		return new Definition(term, Words.capitalize(definition), sentence);
	}
}
