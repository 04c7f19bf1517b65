package io.stride.drafting.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits blocks into sentences with the JDK's sentence rules, then repairs splits after common abbreviations.
 */
final class Sentences {

	private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.",
			"no.", "approx.", "incl.", "dept.", "fig.", "min.", "max.", "p.", "pp.", "cf.", "st.", "z.b.", "u.a.", "ca.",
			// German, French, Spanish and Dutch, the other languages drafts are written in
			"bzw.", "usw.", "ggf.", "inkl.", "evtl.", "d.h.", "nr.", "vgl.", "s.", "abs.", "str.", "mio.", "mrd.",
			"env.", "p.ex.", "mme.", "mlle.", "m.", "av.", "n°.", "p.ej.", "sr.", "sra.", "srta.", "aprox.", "núm.", "ud.",
			"uds.", "dpto.", "bijv.", "d.w.z.", "o.a.", "enz.", "mevr.", "dhr.", "blz.", "ong.");

	/** What a German or Dutch ordinal number counts ("1. April", "5. Arbeitstag"): the sentence goes on after it. */
	private static final Pattern ORDINAL_NOUN = Pattern.compile("\\s*(?:Januar|Februar|März|"
			+ "April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|januari|februari|maart|april|mei|juni|juli|"
			+ "augustus|september|oktober|november|december|Arbeitstag|Werktag|Kalendertag|Tag|Monat|Quartal|Jahr|werkdag|dag)\\b");

	private Sentences() {
	}

	static List<Sentence> of(ExtractedSource source, int firstIndex) {
		List<Sentence> sentences = new ArrayList<>();
		int index = firstIndex;
		for (Block block : source.blocks()) {
			if (block.is(Block.Kind.HEADING)) {
				continue;
			}
			if (block.is(Block.Kind.LIST_ITEM) || block.is(Block.Kind.TABLE_ROW)) {
				sentences.add(new Sentence(index++, block.text(), block.start(), block.end(), source, block));
				continue;
			}
			int said = spokenFrom(block);
			for (int[] span : split(block.text())) {
				if (span[0] < said) {
					// a transcript's first sentence starts after its speaker's name: the name is not what was said
					span = new int[] { Math.min(said, span[1]), span[1] };
				}
				String text = block.text().substring(span[0], span[1]).strip();
				if (text.isEmpty()) {
					continue;
				}
				int offset = block.text().indexOf(text, span[0]);
				sentences.add(new Sentence(index++, text, block.start() + offset, block.start() + offset + text.length(),
						source, block));
			}
		}
		return sentences;
	}

	/** "Anna Kowalski: …" in front of a transcript's turn. */
	private static final Pattern SPEAKER = Pattern
		.compile("^[\\p{Lu}][\\p{L}\\p{N}.'-]*(?:\\s[\\p{Lu}\\p{N}][\\p{L}\\p{N}.'-]*){0,3}:\\s+");

	/** Where what was said starts in a transcript's block (after the speaker's name); 0 for other blocks. */
	static int spokenFrom(Block block) {
		if (!block.spoken()) {
			return 0;
		}
		Matcher speaker = SPEAKER.matcher(block.text());
		return speaker.find() ? speaker.end() : 0;
	}

	static List<int[]> split(String text) {
		BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
		iterator.setText(text);
		List<int[]> spans = new ArrayList<>();
		int start = iterator.first();
		for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
			String piece = text.substring(start, end).strip();
			String lastWord = piece.contains(" ") ? piece.substring(piece.lastIndexOf(' ') + 1) : piece;
			boolean abbreviation = ABBREVIATIONS.contains(lastWord.toLowerCase(Locale.ROOT))
					|| lastWord.matches("(?i)[a-z]\\.")
					// a German or Dutch ordinal: "seit dem 1. April", "bis zum 5. Arbeitstag"
					|| lastWord.matches("\\d{1,2}\\.") && ORDINAL_NOUN.matcher(text.substring(end)).lookingAt();
			if (abbreviation && end < text.length()) {
				continue;
			}
			spans.add(new int[] { start, end });
			start = end;
		}
		if (start < text.length()) {
			spans.add(new int[] { start, text.length() });
		}
		return spans;
	}
}
