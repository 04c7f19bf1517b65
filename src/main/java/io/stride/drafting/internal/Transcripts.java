package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT and SRT transcripts: timestamps, cue numbers and notes go; speaker names stay; filler words go.
 * Consecutive cues of the same speaker become one paragraph. What was said is cleaned into sentences a lesson (and
 * a question) can stand on: fillers, false starts, repeated words and openers ("So", "And", "Okay") go, a sentence
 * starts with a capital, a cue that ends a thought without punctuation ends its sentence, run-ons are split at
 * "and then", and spoken amounts with a unit are written in figures ("ten minutes" → "10 minutes"). The cleaning
 * happens here, while the text is extracted, so every citation is still an exact span of the extracted text.
 */
final class Transcripts {

	/** A cue's timing line, "00:01:02.500 --> 00:01:04.000" (VTT, hours optional) or with commas (SRT). */
	private static final Pattern TIMING = Pattern.compile(
			"^((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");

	private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]+)?\\s+([^>]+)>(.*?)(?:</v>)?$");

	private static final Pattern NAMED = Pattern.compile("^([\\p{Lu}][\\p{L}.'-]*(?:\\s[\\p{Lu}][\\p{L}.'-]*){0,3}):\\s+(.+)$");

	private static final Pattern FILLERS = Pattern.compile(
			"(?i)(?<![\\p{L}])(?:um+|uh+|erm+|er|hmm+|you know|i mean|sort of|kind of like|like,)(?![\\p{L}'’])[,.]?\\s*");

	private static final Pattern COMMA_FILLER = Pattern.compile(
			"(?i)(?<=\\p{L}),\\s*(?:um+|uh+|erm+|er|hmm+|you know|i mean|sort of|like)\\s*,\\s*(?=\\p{Ll})");

	/** After ", er, ": a new clause starts ("they keep nothing, er, they don't need …") and keeps its comma. */
	private static final Pattern NEW_CLAUSE = Pattern.compile("(?i)(?:they|we|you|i|he|she|it|whoever|there|this|that)\\b");

	private static final Pattern JOINED = Pattern.compile("(?i)\\b(?:and|or|but|so|because|if|when|that)$");

	/** A comma left behind a joining word once the filler after it went: "and, decide" → "and decide". */
	private static final Pattern ORPHAN_COMMA = Pattern.compile(
			"(?i)\\b(and|or|but|the|a|an|to|that|because|whether|of|if|when)\\s*,\\s+(?=\\p{L})");

	/** The same word said twice ("please, please", "the the"); "had had" and "that that" can be meant. */
	private static final Pattern REPEATED = Pattern.compile("(?iu)\\b(?!had\\b|that\\b)(\\p{L}+)(?:,?\\s+\\1\\b)+");

	/** A false start cut off with a dash: "we- we log it", "you can — you should". */
	private static final Pattern CUT_OFF = Pattern.compile("(?u)(?<=^|\\s)\\p{L}+(?:\\s\\p{L}+)?(?:-|\\s?--|\\s?—)\\s+(?=\\p{L})");

	/** Openers of spoken sentences that carry nothing: "So,", "And", "Okay, so", "Now", "Well", "Honestly,". */
	private static final Pattern OPENER = Pattern.compile(
			"(?i)(^|[.?!]\\s+)(?:(?:so|and|okay|ok|well|right|now|honestly|basically|alright|anyway)\\b,?\\s+)+(?=\\p{L})");

	/** "…, and then you …": a run-on split where the next step starts. */
	private static final Pattern AND_THEN = Pattern.compile(",?\\s+and then\\s+(?=(?:you|we|they|the|it|he|she)\\b)");

	/** "…, so you log it": a run-on split where a new instruction starts. */
	private static final Pattern COMMA_SO = Pattern.compile("(?<=\\p{L}{2}),\\s+so\\s+(?=you\\s+(?!know\\b)\\p{L})");

	/** A lower-case letter after the end of a sentence, except after an abbreviation. */
	private static final Pattern LOWER_START = Pattern.compile("(?<![\\s(]\\p{L}\\.\\p{L}|\\betc|\\bvs)([.?!]\\s+)(\\p{Ll})");

	/** "… checks it. Within 10 minutes.": a time said as an afterthought belongs to the sentence before it. */
	private static final Pattern AFTERTHOUGHT = Pattern.compile("(?<=\\p{L})\\.\\s+(Within|In under|By|Before|After) (\\S+(?:\\s\\S+){0,3})\\.(?=\\s|$)");

	private static final Pattern PLEASE = Pattern.compile("(?i)\\b(please),\\s+");

	private static final Map<String, Integer> NUMBER_WORDS = numberWords();

	private static final Pattern SPOKEN_AMOUNT = Pattern.compile("(?i)(?<!\\b(?:the|this|that|which|every|no|any|each) )\\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred)"
			+ "(\\s+(?:working |business |calendar )?(?:minutes?|hours?|days?|weeks?|months?|years?|seconds?|euros?|pounds?|dollars?|percent|per cent|degrees)\\b)");

	private static final Pattern TAGS = Pattern.compile("<[^>]+>");

	private Transcripts() {
	}

	static ExtractedSource read(String name, String content) {
		List<Heard> cues = new ArrayList<>();
		String[] chunks = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").split("\n\\s*\n");
		for (String chunk : chunks) {
			List<String> lines = new ArrayList<>(List.of(chunk.strip().split("\n")));
			if (lines.isEmpty() || lines.get(0).startsWith("WEBVTT") || lines.get(0).startsWith("NOTE")
					|| lines.get(0).startsWith("STYLE") || lines.get(0).startsWith("REGION")) {
				continue;
			}
			Matcher timing = null;
			List<String> text = new ArrayList<>();
			for (String line : lines) {
				String l = line.strip();
				Matcher m = TIMING.matcher(l);
				if (m.matches()) {
					timing = m;
				}
				else if (timing != null && !l.isEmpty()) {
					text.add(l);
				}
			}
			if (timing == null || text.isEmpty()) {
				continue;
			}
			String speaker = null;
			StringBuilder said = new StringBuilder();
			for (String l : text) {
				Matcher voice = VOICE.matcher(l);
				Matcher named = NAMED.matcher(l);
				if (voice.matches()) {
					speaker = voice.group(1).strip();
					l = voice.group(2);
				}
				else if (named.matches() && speaker == null) {
					speaker = named.group(1);
					l = named.group(2);
				}
				said.append(' ').append(TAGS.matcher(l).replaceAll(""));
			}
			long from = millis(timing.group(1));
			cues.add(new Heard(speaker, clean(said.toString(), false), from, Math.max(from, millis(timing.group(2)))));
		}
		BlockCollector out = new BlockCollector();
		String currentSpeaker = null;
		StringBuilder turn = new StringBuilder();
		List<Heard> turnCues = new ArrayList<>();
		for (Heard cue : cues) {
			if (cue.text().isBlank()) {
				continue;
			}
			boolean sameSpeaker = cue.speaker() == null || cue.speaker().equals(currentSpeaker);
			// a long turn ends where a sentence does (a recogniser cuts cues mid-sentence), or at a long pause; a turn
			// that never ends a sentence is cut all the same at 1,500 characters
			boolean sentenceEnded = turn.length() > 600 && (endsASentence(turn) || endsAThought(turn, cue.text()));
			boolean paused = !turnCues.isEmpty() && cue.from() - turnCues.get(turnCues.size() - 1).to() > LONG_PAUSE_MILLIS;
			if (!sameSpeaker || sentenceEnded || paused || turn.length() > 1500) {
				flush(out, currentSpeaker, turn, turnCues);
				turn.setLength(0);
				turnCues.clear();
			}
			if (!turn.isEmpty() && endsAThought(turn, cue.text())) {
				// a cue that ends without punctuation before one that starts anew: the sentence ended with the cue
				turn.append('.');
			}
			if (cue.speaker() != null) {
				currentSpeaker = cue.speaker();
			}
			turn.append(' ').append(cue.text());
			turnCues.add(cue);
		}
		flush(out, currentSpeaker, turn, turnCues);
		return out.build(name, 0);
	}

	/** A pause this long between two cues starts a new paragraph even if the same person goes on. */
	private static final long LONG_PAUSE_MILLIS = 10_000;

	private static boolean endsASentence(StringBuilder turn) {
		int last = turn.length() - 1;
		while (last >= 0 && Character.isWhitespace(turn.charAt(last))) {
			last--;
		}
		return last >= 0 && ".?!".indexOf(turn.charAt(last)) >= 0;
	}

	/** One cue as heard: who said it (null when the cue does not say), what, and when (in milliseconds). */
	private record Heard(String speaker, String text, long from, long to) {
	}

	private static void flush(BlockCollector out, String speaker, StringBuilder turn, List<Heard> cues) {
		String text = clean(turn.toString());
		if (text.isEmpty()) {
			return;
		}
		String name = speaker == null ? null : BlockCollector.normalize(speaker);
		String said = BlockCollector.normalize(name == null ? text : name + ": " + text);
		List<Block.Cue> timed = align(said, name == null ? 0 : name.length() + 2, cues);
		if (timed.isEmpty()) {
			return;
		}
		out.add(Block.Kind.PARAGRAPH, 0, false, said, null, null, null,
				range(timed.get(0), timed.get(timed.size() - 1)), timed);
	}

	/**
	 * Which cue each word of the cleaned turn was said in. Cleaning only drops words (fillers, false starts,
	 * openers, repeats) or rewrites a few in place ("ten" → "10", "and then" → ". Then"), so the cleaned words are
	 * found in order among the cues' words: each is looked for a few words ahead of the last one found; a word not
	 * found (a spoken number written in figures) was said where the search stands.
	 */
	private static List<Block.Cue> align(String said, int from, List<Heard> cues) {
		List<Integer> heardCue = new ArrayList<>();
		List<String> heard = new ArrayList<>();
		for (int c = 0; c < cues.size(); c++) {
			for (int[] word : words(cues.get(c).text(), 0)) {
				heard.add(cues.get(c).text().substring(word[0], word[1]));
				heardCue.add(c);
			}
		}
		int[] starts = new int[cues.size()];
		int[] ends = new int[cues.size()];
		Arrays.fill(starts, -1);
		int at = 0;
		for (int[] word : words(said, from)) {
			String written = said.substring(word[0], word[1]);
			int found = -1;
			for (int i = at; i < Math.min(heard.size(), at + LOOK_AHEAD); i++) {
				if (heard.get(i).equalsIgnoreCase(written)) {
					found = i;
					break;
				}
			}
			int cue = heardCue.isEmpty() ? 0 : heardCue.get(Math.min(found < 0 ? at : found, heard.size() - 1));
			if (found >= 0) {
				at = found + 1;
			}
			else if (at < heard.size() - 1) {
				// a word not heard as such (rewritten in cleaning): move on with it, so that a run of such words
				// can't pin the rest of the turn to one cue
				at++;
			}
			if (starts[cue] < 0) {
				starts[cue] = word[0];
			}
			ends[cue] = word[1];
		}
		List<Block.Cue> timed = new ArrayList<>();
		for (int c = 0; c < cues.size(); c++) {
			if (starts[c] >= 0) {
				timed.add(new Block.Cue(starts[c], ends[c], cues.get(c).from(), cues.get(c).to()));
			}
		}
		return timed;
	}

	/** How far ahead a cleaned word is looked for among the words heard: past a dropped opener or false start. */
	private static final int LOOK_AHEAD = 8;

	/** The words (runs of letters and digits) of {@code text} from {@code from}, as [start, end) spans. */
	private static List<int[]> words(String text, int from) {
		List<int[]> words = new ArrayList<>();
		int start = -1;
		for (int i = from; i <= text.length(); i++) {
			boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				words.add(new int[] { start, i });
				start = -1;
			}
		}
		return words;
	}

	/**
	 * "00:12:31–00:12:44": from the start of the first cue (rounded down, to play from) to the end of the last
	 * (rounded up, so that the range holds the last words).
	 */
	static String range(Block.Cue first, Block.Cue last) {
		long end = Math.max(first.fromMillis(), last.toMillis());
		return time(first.fromMillis()) + "\u2013" + time((end + 999) / 1000 * 1000);
	}

	/**
	 * Where {@code [from, to)} of a source's text, a span that starts in {@code first} and may run on into the
	 * blocks after it, is found: for what was said, from the cue of its first word to the cue of its last.
	 */
	static String locator(ExtractedSource source, Block first, int from, int to) {
		if (!first.spoken()) {
			return first.locator();
		}
		Block last = first;
		for (Block block : source.blocks()) {
			if (block.start() >= first.start() && block.start() < to && block.spoken()) {
				last = block;
			}
		}
		return range(first.cueAt(from, true), last.cueAt(to, false));
	}

	private static String time(long millis) {
		long seconds = millis / 1000;
		return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
	}

	/** "01:02:03.500", "01:02.5" (no hours) or SRT's "01:02:03,500" in milliseconds. */
	private static long millis(String time) {
		String[] parts = time.split("[.,]");
		String[] clock = parts[0].split(":");
		long seconds = 0;
		for (String unit : clock) {
			seconds = seconds * 60 + Long.parseLong(unit);
		}
		String fraction = (parts[1] + "00").substring(0, 3);
		return seconds * 1000 + Long.parseLong(fraction);
	}

	/** The turn so far ends on a word, and the next cue starts with a capital (not "I"): a new sentence. */
	private static boolean endsAThought(StringBuilder turn, String next) {
		char last = turn.charAt(turn.length() - 1);
		return Character.isLetterOrDigit(last) && !next.isEmpty() && Character.isUpperCase(next.codePointAt(0))
				&& !next.matches("^I\\b.*");
	}

	static String clean(String text) {
		return clean(text, true);
	}

	/** What was said without fillers; {@code whole} for a speaker's whole turn, when sentences are also tidied. */
	static String clean(String text, boolean whole) {
		// ", um, " between commas goes with one of its commas: "and, um, decide" → "and decide"
		String cleaned = COMMA_FILLER.matcher(text).replaceAll(m -> NEW_CLAUSE.matcher(text).region(m.end(), text.length()).lookingAt()
				&& !JOINED.matcher(text.substring(0, m.start())).find() ? ", " : " ");
		cleaned = FILLERS.matcher(cleaned).replaceAll("");
		cleaned = ORPHAN_COMMA.matcher(cleaned).replaceAll("$1 ");
		cleaned = cleaned.replaceAll("\\s+([,.?!])", "$1").replaceAll("([,.?!])\\1+", "$1").replaceAll("^[,.\\s]+", "");
		cleaned = cleaned.replaceAll("\\s{2,}", " ").strip();
		if (whole) {
			cleaned = CUT_OFF.matcher(cleaned).replaceAll("");
			cleaned = REPEATED.matcher(cleaned).replaceAll("$1");
			cleaned = AND_THEN.matcher(cleaned).replaceAll(". Then ");
			cleaned = COMMA_SO.matcher(cleaned).replaceAll(". ");
			cleaned = OPENER.matcher(cleaned).replaceAll("$1");
			cleaned = PLEASE.matcher(cleaned).replaceAll("$1 ");
			cleaned = figures(cleaned);
			cleaned = AFTERTHOUGHT.matcher(cleaned).replaceAll(m -> Matcher.quoteReplacement(
					" " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2) + "."));
			cleaned = LOWER_START.matcher(cleaned).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
		}
		// a single cue keeps its lower-case start: it carries on the sentence of the cue before ("… every damaged
		// parcel" / "within two hours of opening it."), as speech recognisers cut segments mid-sentence
		if (whole && !cleaned.isEmpty() && Character.isLowerCase(cleaned.codePointAt(0))) {
			cleaned = cleaned.substring(0, 1).toUpperCase(Locale.ROOT) + cleaned.substring(1);
		}
		return cleaned;
	}

	/** "ten minutes" → "10 minutes", "twenty-five euros" → "25 euros": a spoken amount with its unit in figures. */
	private static String figures(String text) {
		return SPOKEN_AMOUNT.matcher(text).replaceAll(m -> {
			String[] parts = m.group(1).toLowerCase(Locale.ROOT).split("[- ]");
			int value = 0;
			for (String part : parts) {
				value += NUMBER_WORDS.getOrDefault(part, 0);
			}
			if (m.group(1).toLowerCase(Locale.ROOT).endsWith("hundred")) {
				value = 100;
			}
			return value == 0 ? m.group() : Matcher.quoteReplacement(value + m.group(2));
		});
	}

	private static Map<String, Integer> numberWords() {
		String[] units = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
				"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" };
		String[] tens = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };
		Map<String, Integer> words = new HashMap<>();
		for (int i = 0; i < units.length; i++) {
			words.put(units[i], i + 1);
		}
		for (int i = 0; i < tens.length; i++) {
			words.put(tens[i], (i + 2) * 10);
		}
		return Map.copyOf(words);
	}
}
