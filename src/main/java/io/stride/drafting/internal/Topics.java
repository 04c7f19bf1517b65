package io.stride.drafting.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a heading or a list's lead-in is about, worded to follow a verb: "How do I apply?" → "to apply",
 * "2.3 Job statuses" → "job statuses", "To submit a claim:" → "to submit a claim". Null for a heading that names no
 * topic ("Introduction", "Part 2", "What not to do").
 */
final class Topics {

	private static final Pattern NUMBERING = Pattern.compile(
			"(?i)^(?:(?:chapter|part|section|slide|step|module|appendix)\\s+[\\dA-Z]{1,3}\\s*[:.–—-]?\\s*|\\d{1,2}(?:\\.\\d{1,2})*\\.?\\s+)");

	private static final Pattern GENERIC = Pattern.compile("(?i)^(?:introduction|overview|summary|background|steps|"
			+ "procedure|process|questions|faq|glossary|definitions|key terms|key takeaways|takeaways|contacts?|useful contacts|"
			+ "more information|further reading|references|appendix|notes|part|what not to do|never do this|warnings|"
			+ "before you start|final checks|changes|scope|the golden rule|why this matters|wrap-up|agent wrap-up|"
			+ "problem|solution|other questions|next steps|about this \\w+)$");

	private static final Pattern HOW = Pattern.compile("(?i)^how\\s+(?:to|do\\s+(?:i|you|we)|can\\s+(?:i|you|we)|should\\s+(?:i|you|we))\\s+(.+)$");

	private static final Pattern WHAT = Pattern.compile("(?i)^what\\s+(?:is|are)\\s+(?:an?\\s+|the\\s+)?(.+)$");

	private static final Pattern LEAD_IN = Pattern.compile("(?i)^(?:.*?\\b(?:follow\\s+these\\s+steps|do\\s+the\\s+following)\\s+)?"
			+ "(to|before you|when you)\\s+([^:,;]{3,80}?)(?:,?\\s+(?:follow|do|take)\\s+[^:]*)?:$");

	private Topics() {
	}

	/** A course title that names a document, not a subject: "Acme Field Service Handbook". */
	private static final Pattern DOCUMENT_NAME = Pattern.compile("(?i).*\\b(?:handbook|policy|guide|faq|frequently asked questions|"
			+ "manual|schedule|notes?|slides|deck|how-to|document|page|questions|fragen)\\b.*");

	private static final Pattern STEPS_FOR = Pattern.compile("(?i)^(?:(?:the\\s+)?(?:first\\s+|next\\s+)?steps?\\s+(?:for|to|in|of)\\s+)");

	/**
	 * What {@code heading} is about, or null.
	 * @param vocabulary words the document writes in lower case: a heading's "Job Statuses" becomes "job statuses",
	 * its "Acme" stays
	 */
	static String of(String heading, Set<String> vocabulary) {
		if (heading == null) {
			return null;
		}
		String h = Outline.clean(heading);
		h = NUMBERING.matcher(h).replaceFirst("");
		h = h.replaceAll("[^\\p{L}\\p{N})?]+$", "").replaceAll("\\s*\\(\\d+ of \\d+\\)$", "").strip();
		if (h.isEmpty() || Words.count(h) > 10 || GENERIC.matcher(h).matches() || !h.matches(".*\\p{L}{3,}.*")
				|| h.contains(" · ") || DOCUMENT_NAME.matcher(h).matches()) {
			return null;
		}
		Matcher how = HOW.matcher(h.replaceAll("\\?$", ""));
		if (how.matches()) {
			return "to " + you(sentenceCase(how.group(1), vocabulary));
		}
		Matcher what = WHAT.matcher(h.replaceAll("\\?$", ""));
		if (what.matches()) {
			return sentenceCase(what.group(1), vocabulary);
		}
		if (h.endsWith("?") || h.matches("(?i)^(?:who|why|when|where|can|do|does|is|are|will|should)\\b.*")) {
			return null;
		}
		h = STEPS_FOR.matcher(h).replaceFirst("");
		return Words.count(h) == 0 || h.isBlank() ? null : sentenceCase(h, vocabulary);
	}

	/** "To submit a claim:" → "to submit a claim"; null when {@code sentence} is no lead-in to steps. */
	static String leadIn(String sentence) {
		Matcher m = LEAD_IN.matcher(sentence.strip());
		if (!m.matches()) {
			return null;
		}
		String how = Words.lower(m.group(1));
		return (how.equals("to") ? "to " : how + " ") + you(m.group(2).strip());
	}

	private static String you(String text) {
		return text.replaceAll("\\bI\\b", "you").replaceAll("\\b[Mm]y\\b", "your").replaceAll("\\bme\\b", "you")
			.replaceAll("\\bam\\b", "are");
	}

	/** What a course title is about, or null when it names a document rather than a subject. */
	static String ofTitle(String title, Set<String> vocabulary) {
		return title == null ? null : of(title, vocabulary);
	}

	/**
	 * Sentence case, to follow a verb: a capitalised word the document also writes in lower case is lowered (so is a
	 * first word in -ing); names and acronyms keep their capitals.
	 */
	private static String sentenceCase(String text, Set<String> vocabulary) {
		String[] words = text.split("\\s+");
		for (int i = 0; i < words.length; i++) {
			String lower = Words.lower(words[i]);
			boolean firstWord = i == 0 && (vocabulary.contains("^" + lower) || vocabulary.contains("^" + lower.replaceAll("s$", ""))
					|| lower.endsWith("ing"));
			if (words[i].matches("\\p{Lu}\\p{Ll}+") && (vocabulary.contains(lower) || firstWord)) {
				words[i] = lower;
			}
		}
		return String.join(" ", words);
	}
}
