package io.stride.drafting.internal;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The course summary and each module's takeaways: the most central sentences that say something about the subject.
 * Sentences about the document itself ("This page explains …"), lead-ins to a list ("… the following:"), questions
 * and fragments are never among them; a description the document gives itself (front matter) is the summary.
 */
final class CourseSummary {

	private static final String DOCUMENT = "(?:document|page|guide|handbook|policy|faq|how-to|howto|article|section|chapter|"
			+ "recording|video|session|presentation|deck|course|training|note|notes|schedule|manual|procedure|module|"
			+ "checklist|playbook|call|meeting|slides?|website|site|wiki|intranet)";

	/** The document as the subject: "This page explains", "In this guide", "Here you will find", "It applies to". */
	/** "… on 3." : the first half of a sentence cut after a day's number. */
	private static final Pattern ENDS_IN_ORDINAL = Pattern.compile(".*\\s\\d{1,2}\\.$");

	private static final Pattern ENDS_IN_ORDINAL_ANY_LINE = Pattern.compile("(?s).*\\s\\d{1,2}\\.$");

	private static final Pattern ABOUT_ITSELF = Pattern.compile("(?i)^(?:(?:so|now|and|well|okay|ok),?\\s+)?(?:"
			+ "(?:this|our|these)\\s+" + DOCUMENT + "\\b"
			+ "|the\\s+(?:document|page|guide|handbook|faq|article|recording|video|presentation|deck|slides)\\b"
			+ "|(?:in|on|throughout|with)\\s+(?:this|the following)\\s+" + DOCUMENT + "\\b"
			+ "|here(?:'s|\\s+is|\\s+are|\\s+you)\\b|below\\b|above\\b|the following\\b|as follows\\b"
			+ "|it\\s+(?:applies|covers|describes|explains|sets out|replaces|answers|outlines|lists|contains|is intended|is part of)\\b"
			+ "|(?:version|edition|last (?:updated|reviewed)|owner|effective)\\b)");

	/** "… this guide …" anywhere: a remark about the document, however the sentence begins. */
	private static final Pattern MENTIONS_ITSELF = Pattern.compile("(?i)\\b(?:this|the whole|this whole)\\s+(?:document|page|guide|"
			+ "handbook|faq|how-to|article|recording|video|presentation|deck|course|training|section|chapter|slide|note|session)\\b"
			+ "|\\b(?:covered|listed|described|explained)\\s+(?:here|below|above)\\b");

	/** A sentence that leans on the one before it ("Or use …", "These hours …"), or a speaker's filler ("Yes, …"). */
	private static final Pattern LEANS_BACK = Pattern.compile("(?i)^(?:this|these|that|those|it|its|they|their|them|he|she|"
			+ "such|or|and|also|yes|yeah|no|okay|ok|right|well|so|let's|welcome|outside these|usually)\\b");

	private static final Pattern CONTACT = Pattern.compile("(?i)@|https?:|\\bextension\\s+\\d");

	private static final Pattern LABEL = Pattern.compile("(?i)^(?:warning|note|important|tip|caution|attention)\\s*:\\s*");

	/** "… the following:", "as follows", "… include:" */
	private static final Pattern LEAD_IN = Pattern.compile("(?i)(?::\\s*$|\\bthe following\\b|\\bas follows\\b)");

	private static final Pattern SPEAKER = Pattern.compile("^[\\p{Lu}][\\p{L}.'-]*(?:\\s[\\p{Lu}][\\p{L}.'-]*){0,3}:\\s+");

	/** A speaker's own situation: "I think …", "I'd rather …"; not a point of the course. */
	private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(?:I|I'm|I'd|I've|I'll|my|me)\\b|\\bthrough to\\b");

	private CourseSummary() {
	}

	static String summary(List<ExtractedSource> sources, List<Sentence> sentences, double[] centrality) {
		for (ExtractedSource source : sources) {
			String description = source.meta(ExtractedSource.DESCRIPTION);
			if (description != null && !description.isBlank()) {
				return sentence(description);
			}
		}
		List<Sentence> prose = sentences.stream()
			.filter(s -> s.words() >= 8 && s.words() <= 45 && s.block().is(Block.Kind.PARAGRAPH) && teaches(s) && standsAlone(s))
			.toList();
		if (prose.size() < 2) {
			prose = sentences.stream()
				.filter(s -> s.words() >= 5 && s.words() <= 45 && !s.block().is(Block.Kind.TABLE_ROW) && teaches(s) && standsAlone(s))
				.toList();
		}
		return String.join(" ", prose.stream()
			.sorted(Comparator.comparingDouble((Sentence s) -> -centrality[s.index()]).thenComparingInt(Sentence::index))
			.limit(4)
			.sorted(Comparator.comparingInt(Sentence::index))
			.map(s -> sentence(LABEL.matcher(spoken(s)).replaceFirst("")))
			.toList());
	}

	/** A module's three most central sentences that teach something, in reading order. */
	static List<String> takeaways(List<Sentence> sentences, double[] centrality) {
		return sentences.stream()
			.filter(s -> s.words() >= 6 && s.words() <= 40 && !s.block().is(Block.Kind.TABLE_ROW) && teaches(s) && standsAlone(s))
			.sorted(Comparator.comparingDouble((Sentence s) -> -centrality[s.index()]).thenComparingInt(Sentence::index))
			.limit(3)
			.sorted(Comparator.comparingInt(Sentence::index))
			.map(CourseSummary::spoken)
			.toList();
	}

	/** Whether a sentence says something about the subject (not about the document, not a lead-in, not a fragment). */
	static boolean teaches(Sentence sentence) {
		String text = spoken(sentence);
		if (text.isEmpty() || text.endsWith("?") || LEAD_IN.matcher(text).find() || ABOUT_ITSELF.matcher(text).find()
				|| MENTIONS_ITSELF.matcher(text).find()) {
			return false;
		}
		// a fragment: a list item's continuation, or either half of a sentence cut after "1." in a date
		String before = sentence.block().text().substring(0, Math.max(0, Math.min(sentence.block().text().length(),
				sentence.start() - sentence.block().start()))).strip();
		if (Character.isLowerCase(text.codePointAt(0)) || ENDS_IN_ORDINAL.matcher(text).matches()
				|| ENDS_IN_ORDINAL_ANY_LINE.matcher(before).matches()) {
			return false;
		}
		return !(transcript(sentence) && FIRST_PERSON.matcher(text).find());
	}

	/** Whether {@code text} is about the document itself ("This page explains …", "… covered here"). */
	static boolean aboutItself(String text) {
		return ABOUT_ITSELF.matcher(text).find() || MENTIONS_ITSELF.matcher(text).find();
	}

	/** A summary's sentences are read without their neighbours: none that leans on another, no contact details. */
	private static boolean standsAlone(Sentence sentence) {
		String text = spoken(sentence);
		return !LEANS_BACK.matcher(text).find() && !CONTACT.matcher(text).find();
	}

	/** What was said, without the speaker's name before it nor the brackets of a note (in a transcript). */
	private static String spoken(Sentence sentence) {
		String text = sentence.text();
		if (!transcript(sentence)) {
			return text;
		}
		return SPEAKER.matcher(text.replaceAll("^\\[|\\]$", "")).replaceFirst("").strip();
	}

	private static boolean transcript(Sentence sentence) {
		return sentence.source().name().matches("(?i).*\\.(vtt|srt)$");
	}

	private static String sentence(String text) {
		String t = text.strip();
		return t.matches("(?s).*[.!?]$") ? t : t + ".";
	}
}
