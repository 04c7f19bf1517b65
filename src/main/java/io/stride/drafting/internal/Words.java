package io.stride.drafting.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Small word helpers: stop words (English, with a few German and French ones so that other languages don't
 * yield function words as key terms), tokenizing, and comparing terms.
 */
final class Words {

	static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList("a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
			"and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
			"by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "even",
			"ever", "every", "few", "first", "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having",
			"he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
			"itself", "just", "last", "least", "less", "let", "like", "made", "make", "many", "may", "me", "might", "more",
			"most", "much", "must", "my", "need", "needs", "never", "new", "next", "no", "nor", "not", "now", "of", "off",
			"often", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "per", "please",
			"put", "rather", "really", "same", "see", "set", "shall", "she", "should", "since", "so", "some", "still",
			"such", "take", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
			"those", "through", "to", "too", "two", "under", "until", "up", "upon", "us", "use", "used", "uses", "using",
			"very", "via", "want", "was", "way", "we", "well", "were", "what", "when", "where", "whether", "which",
			"while", "who", "whom", "why", "will", "with", "within", "without", "would", "yes", "yet", "you", "your",
			"yours", "yourself", "okay", "ok", "right", "so", "thing", "things", "lot", "bit", "go", "going", "say", "says",
			"said", "know", "think", "always", "already", "sure", "three", "four", "five", "also", "let's", "it's",
			"don't", "doesn't", "isn't", "aren't", "can't", "won't", "we're", "you're", "they're", "that's", "there's",
			"der", "die", "das", "und", "oder", "ist", "sind", "ein", "eine", "mit", "für", "von", "zu", "den", "dem",
			"des", "im", "auf", "nicht", "sie", "wir", "ihr", "es", "le", "la", "les", "et", "ou", "est", "sont", "un",
			"une", "des", "du", "de", "pour", "avec", "dans", "sur", "pas", "vous", "nous", "il", "elle"));

	/** Verbs that start instructions; a phrase beginning with one is an action, not a term to ask about. */
	static final Set<String> VERBS = Set.copyOf(java.util.Arrays.asList("add", "ask", "attach", "avoid", "book", "call",
			"check", "choose", "claim", "close", "collect", "confirm", "contact", "cover", "create", "decide", "describe",
			"do", "ensure", "enter", "explain", "fill", "find", "follow", "give", "include", "inform", "keep", "list",
			"log", "make", "mark", "note", "open", "pay", "photograph", "press", "read", "record", "remove", "report",
			"request", "review", "select", "send", "sign", "start", "stop", "submit", "take", "tell", "update",
			"upload", "write", "grants", "checks", "sends", "reviews", "means", "covers", "handles"));

	private Words() {
	}

	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	static boolean isStop(String word) {
		return STOP.contains(lower(word));
	}

	/** Whether {@code text} contains {@code term} as whole words, ignoring case. */
	static boolean containsTerm(String text, String term) {
		return indexOfTerm(text, term) >= 0;
	}

	/** Where {@code term} starts in {@code text} as whole words, ignoring case; -1 if nowhere. */
	static int indexOfTerm(String text, String term) {
		if (term.isEmpty() || text.length() < term.length()) {
			return -1;
		}
		for (int at = 0; at + term.length() <= text.length(); at++) {
			if (!text.regionMatches(true, at, term, 0, term.length())) {
				continue;
			}
			boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
			int end = at + term.length();
			boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
			if (startOk && endOk) {
				return at;
			}
		}
		return -1;
	}

	/** Two answers that say the same thing (case, plural s, one inside the other). */
	static boolean sameMeaning(String a, String b) {
		String x = lower(a).replaceAll("[^\\p{L}\\p{N} ]", "").strip();
		String y = lower(b).replaceAll("[^\\p{L}\\p{N} ]", "").strip();
		if (x.equals(y) || x.equals(y + "s") || y.equals(x + "s") || x.equals(y + "es") || y.equals(x + "es")) {
			return true;
		}
		return x.length() > 3 && y.length() > 3 && (containsTerm(x, y) || containsTerm(y, x));
	}

	static String capitalize(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}
}
