package io.stride.drafting.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a course is for, only when its document says so: front matter's {@code audience}, an "Audience:" or "Who this
 * is for" line or section, "This policy applies to …", "This guide is for new hires". Otherwise nobody is named: an
 * audience guessed from the title ("Anyone who needs to apply …") told the learner nothing.
 */
final class Audience {

	private static final String DOCUMENT = "(?:policy|guide|handbook|page|document|course|procedure|faq|how-to|manual|"
			+ "standard|training|process|module|checklist|playbook|section|guideline|guidelines|instructions|schedule|note|notes)";

	private static final Pattern LABEL = Pattern.compile(
			"(?i)^(?:(?:intended |target )?audience|who (?:this|it) is for|who (?:is )?this (?:\\w+ )?is for|who should (?:read|take) this(?: \\w+)?)\\s*[:—–-]\\s*(.{3,})$");

	private static final Pattern SECTION = Pattern.compile(
			"(?i)^(?:(?:intended |target )?audience|who (?:this|it) is for|who is this (?:\\w+ )?for\\??|who should (?:read|take) this(?: \\w+)?\\??)$");

	private static final Pattern STATED = Pattern.compile("(?i)^(?:this|the|our)\\s+" + DOCUMENT
			+ "\\s+(?:applies to|is (?:intended|written|meant|designed) for|is aimed at|is addressed to|is for|is the \\w+ for|walks)\\s+(.{3,}?)"
			+ "(?:\\s+through\\b.*)?[.!]?$");

	private static final Pattern TITLED = Pattern.compile("(?i)\\bfor\\s+(new (?:hires|starters|joiners|employees|colleagues|team members|managers|engineers))\\b");

	private static final Pattern PEOPLE = Pattern.compile("(?i)\\b(?:staff|employees?|managers?|engineers?|technicians?|"
			+ "members?|agents?|colleagues|people|hires|starters|joiners|representatives|reps|leads?|users|contractors|interns|"
			+ "everyone|anyone|supervisors?|dispatchers?|drivers|developers|analysts|officers|owners|volunteers|workers|"
			+ "students|learners|teams?|who)\\b");

	private Audience() {
	}

	/** The audience as the document states it, or "" when it doesn't. */
	static String of(List<ExtractedSource> sources, String title) {
		for (ExtractedSource source : sources) {
			String given = source.meta(ExtractedSource.AUDIENCE);
			if (given != null && !given.isBlank()) {
				return tidy(given);
			}
			List<Block> blocks = source.blocks();
			for (int i = 0; i < blocks.size(); i++) {
				Block block = blocks.get(i);
				String text = block.text().replace("**", "").strip();
				if (block.is(Block.Kind.HEADING)) {
					if (SECTION.matcher(text).matches() && i + 1 < blocks.size() && !blocks.get(i + 1).is(Block.Kind.HEADING)) {
						return tidy(firstSentence(blocks.get(i + 1).text()));
					}
					continue;
				}
				Matcher label = LABEL.matcher(text);
				if (label.matches()) {
					return tidy(firstSentence(label.group(1)));
				}
				for (int[] span : Sentences.split(text)) {
					Matcher stated = STATED.matcher(text.substring(span[0], span[1]).strip());
					if (stated.matches() && PEOPLE.matcher(stated.group(1)).find()) {
						return tidy(stated.group(1));
					}
				}
			}
		}
		Matcher titled = TITLED.matcher(title == null ? "" : title);
		return titled.find() ? tidy(titled.group(1)) : "";
	}

	private static String firstSentence(String text) {
		List<int[]> spans = Sentences.split(text);
		return spans.isEmpty() ? text : text.substring(spans.get(0)[0], spans.get(0)[1]);
	}

	/** One line, no closing full stop, at most 30 words (cut at a comma), first letter capital. */
	private static String tidy(String audience) {
		String a = audience.replaceAll("\\s+", " ").replaceAll("[.;:!]+$", "").strip();
		String[] words = a.split(" ");
		if (words.length > 30) {
			String head = String.join(" ", Arrays.copyOf(words, 30));
			int comma = head.lastIndexOf(", ");
			a = comma > 0 ? head.substring(0, comma) : head;
		}
		return Words.capitalize(a);
	}
}
