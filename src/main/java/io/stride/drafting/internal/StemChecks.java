package io.stride.drafting.internal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence can carry a question, and whether a stem or key reads as language: not markup, not a
 * fragment, not a list lead-in, not a label.
 */
final class StemChecks {

	/** Markdown, HTML, template and table syntax that should never reach a learner. */
	private static final Pattern MARKUP = Pattern.compile(
			"(?m)^\\s*#{1,6}\\s|\\*\\*|__\\S|(?<![\\w])_\\S[^_]*\\S_(?![\\w])|\\||</?[a-zA-Z][^>]*>|\\{\\{|}}|\\{%|%}|\\[[^\\]]*]\\([^)]*\\)|^\\s*[-*+]\\s|```|^\\s*>\\s");

	/** A sentence that only announces what follows ("… the following:", "as follows."). */
	private static final Pattern LEAD_IN = Pattern.compile("(?is).*(?:[:：]|\\b(?:the following|as follows|below|these steps)\\s*[.:]?)\\s*$");

	/** "Critical: …", "Level 1 (Service): …", "Step 3 – …": a label in front of the sentence. */
	private static final Pattern LABEL = Pattern.compile("^(?:[\\p{L}\\p{N}][\\p{L}\\p{N} ()/&'’-]{0,40}:|\\p{Lu}[\\p{L}\\p{N}]*(?: [\\p{L}\\p{N}]+){0,2}\\s[–—])\\s+\\S.*");

	/** Auxiliaries and modals: a clause with one has a finite verb. */
	private static final Pattern AUXILIARY = Pattern.compile("(?i)\\b(?:is|are|was|were|be|been|has|have|had|do|does|did|must|should|shall|will|would|can|could|may|might|need|needs|go|goes|get|gets|isn't|aren't|don't|doesn't|won't|can't)\\b");

	/** A verb in -s or -ed followed by what usually follows a verb ("checks the receipts", "rotates weekly"). */
	private static final Pattern VERB_THEN_OBJECT = Pattern.compile("(?i)\\b\\p{L}{2,}(?:s|ed)(?<!ss|us|is)\\s+(?:the|a|an|it|them|to|your|his|her|their|our|all|every|each|in|on|at|with|within|for|by|up|out|back|that|any|no|only|one|two|\\p{L}+ly)\\b");

	/** An instruction: a capitalized verb, "never", "always" or "do not", then what it acts on. */
	private static final Pattern IMPERATIVE = Pattern.compile("^(?:(?:Never|Always|Do not|Don't|Please)\\s+\\p{L}+|\\p{Lu}\\p{Ll}+\\s+(?:the|a|an|your|any|all|every|each|it|them|this|that|these|those|my|our|only|no|up|out|back|down|off|on|in|to|for|with|at)\\b).*");

	/** A spoken instruction or statement: "you move the samples", "you have 30 minutes", "they log it". */
	private static final Pattern SUBJECT_VERB = Pattern.compile(
			"(?i)\\b(?:you|they|we)\\s+(?!(?:and|or|but|to|the|a|an|all|both|who|that|in|on|at|for|with|of)\\b)(?:always\\s+|never\\s+|only\\s+)?\\p{L}{2,}\\s+\\p{L}");

	/** "come in", "log in", "sign off": a verb's particle may end a sentence. */
	private static final Pattern PARTICLE_END = Pattern.compile("(?i).*\\b(?:come|comes|go|goes|log|logs|sign|signs|check|checks|fill|hand|call|drop|plug|clock|step|turn|switch|back|get|gets|bring)\\s+(?:in|on|up|out|off|back|down)$");

	/** The speaker talks about themselves or "we": a question stem should not ("tell me", "we log it"). */
	private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|we've|we'll|we'd|us|our|ours)\\b");

	private static final Set<String> DANGLING = Set.of("and", "or", "but", "the", "a", "an", "of", "to", "for", "with", "by",
			"in", "on", "at", "from", "as", "that", "which", "your", "our", "their", "its", "if", "when", "than", "e.g", "i.e");

	private StemChecks() {
	}

	static boolean markup(String text) {
		return text != null && mayHoldMarkup(text) && MARKUP.matcher(text).find();
	}

	/**
	 * Whether {@code text} has a character every kind of {@link #MARKUP} needs (a list marker only counts at the
	 * start of a line): most sentences have none, and this runs for every sentence and option many times.
	 */
	private static boolean mayHoldMarkup(String text) {
		boolean lineStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '#', '*', '_', '|', '<', '{', '}', '[', '`', '>' -> {
					return true;
				}
				case '-', '+' -> {
					if (lineStart) {
						return true;
					}
				}
				default -> {
				}
			}
			if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
				lineStart = true;
			}
			else if (!Character.isWhitespace(c)) {
				lineStart = false;
			}
		}
		return false;
	}

	static boolean leadIn(String sentence) {
		return LEAD_IN.matcher(sentence.strip()).matches();
	}

	/** Starts with a short label ("Critical: …", a speaker's name): the label is never what a blank tests. */
	static boolean labelled(String sentence) {
		return LABEL.matcher(sentence).matches();
	}

	/** Where the sentence proper starts after its label; 0 when it has none. */
	static int afterLabel(String sentence) {
		if (!labelled(sentence)) {
			return 0;
		}
		int colon = sentence.indexOf(':');
		int dash = sentence.replace('—', '–').indexOf(" – ");
		int at = colon >= 0 && (dash < 0 || colon < dash) ? colon + 1 : dash + 2;
		while (at < sentence.length() && Character.isWhitespace(sentence.charAt(at))) {
			at++;
		}
		return at;
	}

	/** No finite verb, or cut mid-phrase (ends on a joining word or an open bracket or quote). */
	static boolean fragment(String sentence) {
		String text = sentence.strip();
		if (text.isEmpty()) {
			return true;
		}
		if (!balanced(text)) {
			return true;
		}
		String unpunctuated = TRAILING_PUNCTUATION.matcher(text).replaceAll("");
		String last = Words.lower(unpunctuated);
		last = last.contains(" ") ? last.substring(last.lastIndexOf(' ') + 1) : last;
		if (DANGLING.contains(last) && !PARTICLE_END.matcher(unpunctuated).matches() || text.endsWith(",") || text.endsWith("…") || text.endsWith("-")) {
			return true;
		}
		if (!english(text)) {
			// the verb test knows English only; other languages keep the punctuation checks
			return false;
		}
		String first = Words.lower(WORD_BREAK.split(text)[0]);
		boolean imperative = Words.VERBS.contains(first) || IMPERATIVE.matcher(text).matches() && !Words.isStop(first);
		return !imperative && !AUXILIARY.matcher(text).find() && !VERB_THEN_OBJECT.matcher(text).find()
				&& !SUBJECT_VERB.matcher(text).find();
	}

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.…,;!?]+$");

	private static final Pattern WORD_BREAK = Pattern.compile("[\\s,]+");

	private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(?:the|to|of|and|is|are|you|your|with|be|must|will|this|that|it|for|at|or|by|from|an|if|not|any|all|every)\\b");

	/** Has English function words: the grammar checks here are English ones. */
	static boolean english(String text) {
		return ENGLISH.matcher(text).find();
	}

	/** About the document itself ("This policy explains …"), not a fact to learn. */
	static boolean aboutTheDocument(String text) {
		return ABOUT_THE_DOCUMENT.matcher(text).matches();
	}

	private static final Pattern ABOUT_THE_DOCUMENT = Pattern.compile("(?i)^(?:this|the|our|these)\\s+(?:policy|page|document|handbook|guide|section|course|chapter|faq|manual|procedure|note|notes|deck|presentation|article)\\b.*"
			+ "(?:explain|describe|cover|set|sets out|outline|summari[sz]e|give|is about|tell|answer|contain|appl).*");

	/** Whether [at, at + length) lies inside an e-mail address, a web address or a file name. */
	static boolean insideAddress(String text, int at, int length) {
		int start = at;
		while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
			start--;
		}
		int end = at + length;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		String token = text.substring(start, end);
		return token.contains("@") || token.contains("://") || token.startsWith("www.") || token.matches(".*\\w\\.\\w{2,4}[.,;:]?$") && !token.matches(".*\\d\\.\\d.*");
	}

	/** Quotes and brackets come in pairs (“…”, „…“ and "…" alike). */
	static boolean balanced(String text) {
		int round = 0;
		int square = 0;
		int straight = 0;
		int curly = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '(' -> round++;
				case ')' -> round--;
				case '[' -> square++;
				case ']' -> square--;
				case '"' -> straight++;
				case '“', '”', '„' -> curly++;
				default -> {
				}
			}
			if (round < 0 || square < 0) {
				return false;
			}
		}
		return round == 0 && square == 0 && straight % 2 == 0 && curly % 2 == 0;
	}

	/** A sentence that may be the source of a question: long enough, a statement, not a lead-in, label or fragment. */
	static boolean askable(Sentence sentence) {
		String text = sentence.text();
		return sentence.words() >= 5 && sentence.words() <= 60 && !text.endsWith("?") && !markup(text) && !leadIn(text)
				&& !fragment(text) && !sentence.block().is(Block.Kind.TABLE_ROW) && !firstPersonSpoken(sentence);
	}

	/** Words of the first person ("I", "me", "we", "our"). */
	static boolean firstPerson(String text) {
		return text != null && FIRST_PERSON.matcher(text).find();
	}

	/**
	 * Said by a speaker about themselves or "us", or pointing back at what the cue before named, in a transcript:
	 * no question stem is built on it.
	 */
	static boolean firstPersonSpoken(Sentence sentence) {
		return sentence.block().spoken()
				&& (FIRST_PERSON.matcher(sentence.text()).find() || POINTING.matcher(sentence.text()).lookingAt());
	}

	/** Said while pointing back: "Close it, …", "Silencing it …": what "it" is was said in the cue before. */
	private static final Pattern POINTING = Pattern.compile("(?i)\\p{L}+\\s+(?:it|them)\\b");

	/** Depends on the sentence before it to make sense ("This …", "They …", "It …"): not answerable alone. */
	static boolean leansOnContext(String sentence) {
		return POINTS_BACK.matcher(sentence).matches() && !NAMES_WHAT.matcher(sentence).matches()
				&& !THERE_IS.matcher(sentence).matches();
	}

	private static final Pattern POINTS_BACK = Pattern.compile("(?i)^(?:this|these|those|that|it|they|them|he|she|such|the above|the latter|the former|here|there)\\b.*");

	/** "This policy …", "These steps …": the sentence says what it points at. */
	private static final Pattern NAMES_WHAT = Pattern.compile("(?i)^(?:this|these|those) (?:policy|policies|handbook|process|procedure|page|rules?|sections?|schedule|document|guide|standard|plan|form|course|checklist|faq|manual|team|role|tool|app|system|meeting|template|step|steps|limits?|deadlines?)\\b.*");

	private static final Pattern THERE_IS = Pattern.compile("(?i)^there (?:is|are)\\b.*");
}
