package io.stride.drafting.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Small word helpers: stop words (English, with a few German and French ones so that other languages don't
 * yield function words as key terms), tokenizing, and comparing terms.
 */
final class Words {

	static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	static final Set<String> STOP = Set.copyOf(Arrays.asList("a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
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
	static final Set<String> VERBS = Set.copyOf(Arrays.asList("add", "ask", "attach", "avoid", "book", "call",
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

	/** As {@code text.split("\\s+").length} counts, without compiling a pattern each time: words, in effect. */
	static int count(String text) {
		int runs = 0;
		boolean inRun = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = isSpace(text.charAt(i));
			if (!space && !inRun) {
				runs++;
			}
			inRun = !space;
		}
		if (runs == 0) {
			return text.isEmpty() ? 1 : 0;
		}
		// split leaves an empty first piece before leading white space
		return runs + (isSpace(text.charAt(0)) ? 1 : 0);
	}

	/** {@code \\s}: ASCII white space. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}

	/** Lower case, letters, digits and spaces only. */
	static String plain(String text) {
		// removes what [^\p{L}\p{N} ] matches, without a regex: this runs for every pair of options
		String lower = lower(text);
		StringBuilder kept = null;
		for (int i = 0; i < lower.length();) {
			int c = lower.codePointAt(i);
			int next = i + Character.charCount(c);
			if (c != ' ' && !Character.isLetter(c) && !isNumber(c)) {
				if (kept == null) {
					kept = new StringBuilder(lower.length()).append(lower, 0, i);
				}
			}
			else if (kept != null) {
				kept.appendCodePoint(c);
			}
			i = next;
		}
		return (kept == null ? lower : kept.toString()).strip();
	}

	/** {@code \p{N}}: a digit, a letter-like number (Ⅻ) or another number (½, ²). */
	private static boolean isNumber(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
	}

	static boolean isStop(String word) {
		return STOP.contains(lower(word));
	}

	/** Whether {@code text} contains {@code term} as whole words, ignoring case. */
	static boolean containsTerm(String text, String term) {
		return indexOfTerm(text, term) >= 0;
	}

	/**
	 * The words of {@code text} as {@link #indexOfTerm} tells words apart (runs of letters and digits), each folded
	 * so that two words {@code indexOfTerm} takes for the same compare equal.
	 */
	static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		int i = 0;
		while (i < text.length()) {
			if (!Character.isLetterOrDigit(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
				i++;
			}
			words.add(fold(text, start, i));
		}
		return words;
	}

	/**
	 * The longest word of {@code phrase} folded as {@link #words} folds them, or null when it has none or a character
	 * outside the Basic Multilingual Plane (then nothing can be assumed about how it matches).
	 */
	static String longestWord(String phrase) {
		String longest = null;
		int i = 0;
		while (i < phrase.length()) {
			char c = phrase.charAt(i);
			if (Character.isSurrogate(c)) {
				return null;
			}
			if (!Character.isLetterOrDigit(c)) {
				i++;
				continue;
			}
			int start = i;
			while (i < phrase.length() && Character.isLetterOrDigit(phrase.charAt(i))) {
				i++;
			}
			if (longest == null || i - start > longest.length()) {
				longest = fold(phrase, start, i);
			}
		}
		return longest;
	}

	/** Characters folded as regionMatches(true, …) compares them: equal after upper- then lower-casing. */
	private static String fold(String text, int start, int end) {
		char[] folded = new char[end - start];
		for (int i = start; i < end; i++) {
			folded[i - start] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
		}
		return new String(folded);
	}

	/** Where {@code term} starts in {@code text} as whole words, ignoring case; -1 if nowhere. */
	static int indexOfTerm(String text, String term) {
		if (term.isEmpty() || text.length() < term.length()) {
			return -1;
		}
		char first = term.charAt(0);
		char firstUpper = Character.toUpperCase(first);
		char firstLower = Character.toLowerCase(firstUpper);
		for (int at = 0; at + term.length() <= text.length(); at++) {
			// the first character decides at most places, compared as regionMatches(true, …) compares
			char c = text.charAt(at);
			if (c != first) {
				char upper = Character.toUpperCase(c);
				if (upper != firstUpper && Character.toLowerCase(upper) != firstLower) {
					continue;
				}
			}
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
		String x = plain(a);
		String y = plain(b);
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

	/**
	 * Two answers too alike to be told apart fairly: the same meaning, a few letters apart (a typo, a plural), or
	 * one's word stems all inside the other's ("card" and "corporate card").
	 */
	static boolean nearDuplicate(String a, String b) {
		if (sameMeaning(a, b)) {
			return true;
		}
		String x = plain(a);
		String y = plain(b);
		if (editDistance(x, y) <= Math.max(1, Math.min(x.length(), y.length()) / 6)) {
			return true;
		}
		Set<String> sx = stems(x);
		Set<String> sy = stems(y);
		return !sx.isEmpty() && !sy.isEmpty() && (sx.containsAll(sy) || sy.containsAll(sx));
	}

	/** The stems of a text's content words. */
	static Set<String> stems(String text) {
		// the tokens TOKEN finds, read without a regex: this runs for most sentences and options many times
		Set<String> stems = new HashSet<>();
		int i = 0;
		while (i < text.length()) {
			int c = text.codePointAt(i);
			if (!Character.isLetter(c) && !isNumber(c)) {
				i += Character.charCount(c);
				continue;
			}
			int start = i;
			i += Character.charCount(c);
			while (i < text.length()) {
				int d = text.codePointAt(i);
				if (!Character.isLetter(d) && !isNumber(d) && d != '\'' && d != '’' && d != '-') {
					break;
				}
				i += Character.charCount(d);
			}
			String token = text.substring(start, i);
			if (!Character.isDigit(token.charAt(0)) && !isStop(token)) {
				stems.add(stem(token));
			}
		}
		return stems;
	}

	/** A light stem: plural and verb endings off ("policies" and "policy", "reports", "reported", "reporting"). */
	static String stem(String word) {
		String w = lower(word);
		if (w.endsWith("'s") || w.endsWith("’s")) {
			w = w.substring(0, w.length() - 2);
		}
		if (w.length() > 4 && w.endsWith("ies")) {
			return w.substring(0, w.length() - 3) + "y";
		}
		for (String ending : new String[] { "ing", "ed", "es", "s", "ly" }) {
			if (w.length() > ending.length() + 2 && w.endsWith(ending) && !w.endsWith("ss")) {
				return w.substring(0, w.length() - ending.length());
			}
		}
		return w;
	}

	static int editDistance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 3) {
			return Math.abs(a.length() - b.length());
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
