package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.stride.drafting.GlossaryEntry;

/**
 * Learning objectives a reviewer can observe: an imperative verb and its object, taken from what each module
 * holds. An ordered procedure gives "Sequence the five steps to …", an instruction or a rule with a deadline gives
 * the instruction itself, shortened ("Report a lost badge to reception within 24 hours"), a prohibition gives
 * "Avoid …", the glossary gives "Define X and Y". Never a quoted phrase, never "Describe the role of …".
 */
public final class Objectives {

	/**
	 * The verbs an objective may start with, in one place: the engine only writes objectives that start with one,
	 * and the drafting tests hold every draft's objectives to the same list.
	 */
	public static final Set<String> VERBS = Set.copyOf(List.of("Accept", "Add", "Agree", "Answer", "Apply", "Approve",
			"Arrange", "Ask", "Assess", "Assign", "Attach", "Attend", "Avoid", "Back", "Book", "Bring", "Calculate", "Call",
			"Cancel", "Carry", "Charge", "Check", "Choose", "Claim", "Classify", "Clean", "Clear", "Close", "Collect",
			"Compare", "Complete", "Confirm", "Connect", "Contact", "Copy", "Create", "Decide", "Declare", "Define",
			"Delete", "Describe", "Disconnect", "Document", "Download", "Email", "Enable", "Enrol", "Enroll", "Ensure",
			"Enter", "Escalate", "Estimate", "Explain", "File", "Fill", "Find", "Follow", "Forward", "Give", "Handle",
			"Identify", "Include", "Inform", "Inspect", "Install", "Invite", "Isolate", "Issue", "Keep", "Label", "List",
			"Lock", "Log", "Mark", "Match", "Measure", "Meet", "Move", "Name", "Notify", "Obtain", "Open", "Order",
			"Pay", "Photograph", "Place", "Plan", "Prepare", "Present", "Print", "Protect", "Provide", "Raise", "Read", "Recall",
			"Recognise", "Recognize", "Record", "Register", "Reject", "Release", "Remove", "Renew", "Replace", "Reply",
			"Report", "Reproduce", "Request", "Reset", "Resolve", "Respond", "Restart", "Return", "Review", "Save",
			"Schedule", "Secure", "Select", "Send", "Sequence", "Set", "Share", "Shred", "Sign", "Solve", "Sort", "Start",
			"State", "Stop", "Store", "Submit", "Summarise", "Summarize", "Swap", "Switch", "Take", "Tell", "Test",
			"Track", "Train", "Triage", "Turn", "Unpack", "Update", "Upload", "Use", "Verify", "Visit", "Wait", "Wear",
			"Wipe", "Write"));

	/** Whether {@code objective} is written as the drafting engine writes objectives: a listed verb first, no quotes. */
	public static boolean observable(String objective) {
		return objective != null && VERBS.contains(objective.split("\\s+")[0]) && !objective.matches(".*[\"“”‘’«»].*");
	}

	private static final Set<String> LOWER_VERBS = VERBS.stream().map(v -> v.toLowerCase(Locale.ROOT))
		.collect(Collectors.toUnmodifiableSet());

	private static final String[] NUMBERS = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
			"nine", "ten", "eleven", "twelve" };

	/** A word between spaces or punctuation (not inside an address like zoe@acme.example). */
	private static final Pattern WORD = Pattern.compile("(?<=^|[\\s(])[\\p{L}][\\p{L}'’-]*(?=[\\s,;:.!?)]|$)");

	/** A speaker's name before what they said, in a transcript. */
	private static final Pattern SPEAKER = Pattern.compile("^[\\p{Lu}][\\p{L}.'-]*(?:\\s[\\p{Lu}][\\p{L}.'-]*){0,3}:\\s+");

	private static final Pattern LEADING_WORDS = Pattern.compile(
			"(?i)^(?:(?:please|always|simply|then|next|finally|first|also|so|and|now|just|still)\\b[,]?\\s+)+");

	private static final Pattern CONDITION = Pattern.compile("(?i)^(if|when|whenever|before|after)\\s+([^,;:]{3,80}),\\s+(.+)$");

	private static final Pattern PROHIBITION = Pattern.compile("(?i)^(?:you\\s+(?:must|should)\\s+(?:not|never)|do not|don't|never)\\s+(\\p{L}+)(.*)$");

	private static final Pattern DUTY = Pattern.compile(
			"(?i)^(?:you|(?:the|your|each|every|all|a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:lead|manager|managers|engineer|engineers|handler|"
					+ "officer|owner|agent|agents|employee|employees|staff|supervisor|reporter|dispatcher|approver|analyst|specialist|"
					+ "technician|technicians|member|members|director|requester|driver|drivers|host|organiser|organizer)"
					+ "(?:\\s+(?:on duty|on call|in charge))?)\\s+(?:(must|should|shall|has to|have to|needs to|need to|is required to|are required to)\\s+)?"
					+ "(\\p{Ll}+)(\\s.+)$");

	/** A deadline or a figure: the rules worth an objective of their own. */
	private static final Pattern DEADLINE = Pattern.compile(
			"(?i)\\b(?:within|no later than|at the latest|at least|before|by the end of|every|after|up to|at most|\\d)\\b");

	private static final Pattern CUT = Pattern.compile(
			"(?:;|:\\s|\\s[–—]\\s|\\s-\\s|\\s\\(|,\\s+(?:even if|so that|which|for example|for instance|e\\.g\\.|i\\.e\\.|because|unless you|as this|as it)\\b"
					+ "|\\s(?:so that|because|for example|e\\.g\\.)\\b|\\.\\s)");

	private static final Map<String, String> GERUNDS = Map.ofEntries(Map.entry("submit", "submitting"),
			Map.entry("commit", "committing"), Map.entry("permit", "permitting"), Map.entry("admit", "admitting"),
			Map.entry("forget", "forgetting"), Map.entry("begin", "beginning"), Map.entry("refer", "referring"),
			Map.entry("occur", "occurring"), Map.entry("control", "controlling"), Map.entry("travel", "travelling"),
			Map.entry("cancel", "cancelling"), Map.entry("label", "labelling"), Map.entry("set", "setting"),
			Map.entry("put", "putting"), Map.entry("get", "getting"), Map.entry("let", "letting"),
			Map.entry("cut", "cutting"), Map.entry("run", "running"), Map.entry("sit", "sitting"),
			Map.entry("stop", "stopping"), Map.entry("plan", "planning"), Map.entry("ship", "shipping"),
			Map.entry("drop", "dropping"), Map.entry("split", "splitting"), Map.entry("swap", "swapping"),
			Map.entry("shut", "shutting"), Map.entry("skip", "skipping"), Map.entry("tag", "tagging"),
			Map.entry("log", "logging"), Map.entry("be", "being"), Map.entry("see", "seeing"), Map.entry("lie", "lying"));

	private Objectives() {
	}

	/** Three to five objectives, in the order of the modules they come from. */
	static List<String> of(List<Outline.ModulePlan> plans, List<Sentence> sentences, double[] centrality,
			List<GlossaryEntry> glossary, String courseTitle) {
		Set<String> objectives = new LinkedHashSet<>();
		Set<String> vocabulary = vocabulary(sentences);
		List<List<String>> perModule = new ArrayList<>();
		for (Outline.ModulePlan plan : plans) {
			perModule.add(forModule(plan, sentences, centrality, courseTitle, vocabulary));
		}
		String define = define(glossary);
		// one from each module first, then a second from the modules that have more
		for (int round = 0; round < 2 && objectives.size() < 5; round++) {
			for (List<String> candidates : perModule) {
				int room = define != null && round == 0 ? 4 : 5;
				if (objectives.size() >= room) {
					break;
				}
				candidates.stream().filter(c -> !similar(objectives, c)).findFirst().ifPresent(c -> {
					objectives.add(c);
					candidates.remove(c);
				});
			}
			if (round == 0 && define != null) {
				objectives.add(define);
			}
			if (objectives.size() >= 3) {
				break;
			}
		}
		for (Outline.ModulePlan plan : plans) {
			if (objectives.size() >= 3) {
				break;
			}
			String topic = headed(plan.title(), plan.source()) ? Topics.of(plan.title(), vocabulary) : null;
			if (topic != null) {
				objectives.add("Explain " + (topic.startsWith("to ") ? "how " + topic : "the rules for " + topic));
			}
		}
		if (objectives.size() < 3) {
			String topic = Topics.ofTitle(courseTitle, vocabulary);
			// little to go on (a chat, a note without headings): objectives about the course as a whole
			for (String fallback : List.of("Summarise the main points " + (topic == null ? "of each module" : "about " + topic),
					"Answer questions on each module from memory", "Recall the deadlines, figures and names each module gives")) {
				if (objectives.size() < 3) {
					objectives.add(fallback);
				}
			}
		}
		return new ArrayList<>(objectives).subList(0, Math.min(5, objectives.size()));
	}

	/**
	 * Objectives for a document in another language Stride drafts in: the templates of {@link Wording} filled with the
	 * module's own heading, by what the module holds (a numbered procedure, rules, figures), and the glossary's terms.
	 * English sentences are never rewritten into another language's grammar; the module's heading names the topic.
	 */
	static List<String> inLanguage(List<Outline.ModulePlan> plans, List<GlossaryEntry> glossary,
			Wording wording) {
		Set<String> objectives = new LinkedHashSet<>();
		for (Outline.ModulePlan plan : plans) {
			if (objectives.size() >= 4) {
				break;
			}
			if (!headed(plan.title(), plan.source())) {
				continue;
			}
			String topic = wording.quote(Outline.clean(plan.title()).replaceAll("[?:]+$", ""));
			List<Block> blocks = plan.blocks();
			if (blocks.stream().filter(b -> b.is(Block.Kind.LIST_ITEM) && b.ordered()).count() >= 3) {
				objectives.add(wording.say("objectiveSequence", topic));
			}
			else if (blocks.stream().anyMatch(b -> wording.prohibition.matcher(b.text()).find())) {
				objectives.add(wording.say("objectiveApply", topic));
			}
			else if (blocks.stream().anyMatch(b -> !Quantities.in(b.text()).isEmpty())) {
				objectives.add(wording.say("objectiveRecall", topic));
			}
		}
		List<String> terms = glossary.stream().map(GlossaryEntry::term).limit(3).toList();
		if (!terms.isEmpty() && objectives.size() < 5) {
			objectives.add(wording.say("objectiveDefine", String.join(", ", terms.stream().map(wording::quote).toList())));
		}
		for (Outline.ModulePlan plan : plans) {
			if (objectives.size() >= 3) {
				break;
			}
			if (headed(plan.title(), plan.source())) {
				objectives.add(wording.say("objectiveApply", wording.quote(Outline.clean(plan.title()).replaceAll("[?:]+$", ""))));
			}
		}
		return new ArrayList<>(objectives).subList(0, Math.min(5, objectives.size()));
	}

	/** A module's candidates, best first: its procedure, then its rules and instructions, then its prohibitions. */
	private static List<String> forModule(Outline.ModulePlan plan, List<Sentence> all, double[] centrality,
			String courseTitle, Set<String> vocabulary) {
		List<String> candidates = new ArrayList<>();
		String procedure = procedure(plan, courseTitle, vocabulary);
		if (procedure != null) {
			candidates.add(procedure);
		}
		Set<Block> blocks = new HashSet<>(plan.blocks());
		record Scored(String objective, double score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Sentence sentence : all) {
			if (!blocks.contains(sentence.block()) || sentence.block().is(Block.Kind.TABLE_ROW)) {
				continue;
			}
			String objective = fromSentence(sentence.text());
			if (objective != null) {
				double score = centrality[sentence.index()] + (DEADLINE.matcher(sentence.text()).find() ? 1 : 0)
						+ (objective.startsWith("Avoid") ? -0.5 : 0);
				scored.add(new Scored(objective, score));
			}
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed());
		scored.forEach(s -> candidates.add(s.objective()));
		return candidates;
	}

	/** "Sequence the five steps to apply" for a module with a numbered procedure of three or more steps. */
	private static String procedure(Outline.ModulePlan plan, String courseTitle, Set<String> vocabulary) {
		for (Outline.LessonPlan lesson : plan.lessons()) {
			List<Block> blocks = lesson.blocks();
			for (int i = 0; i < blocks.size(); i++) {
				if (!blocks.get(i).is(Block.Kind.LIST_ITEM) || !blocks.get(i).ordered()) {
					continue;
				}
				int steps = 0;
				while (i + steps < blocks.size() && blocks.get(i + steps).is(Block.Kind.LIST_ITEM) && blocks.get(i + steps).ordered()) {
					steps++;
				}
				if (steps < 3) {
					i += steps;
					continue;
				}
				String topic = i > 0 ? Topics.leadIn(blocks.get(i - 1).text()) : null;
				for (int h = i - 1; h >= 0 && topic == null; h--) {
					// the heading just above the steps, in a lesson that several sections were merged into
					if (blocks.get(h).is(Block.Kind.HEADING)) {
						topic = Topics.of(blocks.get(h).text(), vocabulary);
						break;
					}
				}
				if (topic == null && headed(lesson.title(), plan.source())) {
					topic = Topics.of(lesson.title(), vocabulary);
				}
				if (topic == null && headed(plan.title(), plan.source())) {
					topic = Topics.of(plan.title(), vocabulary);
				}
				if (topic == null) {
					topic = Topics.ofTitle(courseTitle, vocabulary);
				}
				if (topic == null) {
					// "Sequence the five steps" alone names no procedure
					return null;
				}
				String count = steps < NUMBERS.length ? NUMBERS[steps] : String.valueOf(steps);
				return "Sequence the " + count + " steps" + (topic.startsWith("to ") ? " " + topic : " for " + topic);
			}
		}
		return null;
	}

	/** Whether {@code title} is one of the source's headings (not a phrase a topic-found module was named by). */
	private static boolean headed(String title, ExtractedSource source) {
		String t = Outline.clean(title).replaceAll("\\s*\\(\\d+ of \\d+\\)$", "");
		return source.blocks().stream().anyMatch(b -> b.is(Block.Kind.HEADING) && Outline.clean(b.text()).equals(t));
	}

	/** The words the document writes in lower case, and never with a capital inside a sentence (as a name). */
	private static Set<String> vocabulary(List<Sentence> sentences) {
		Set<String> lower = new HashSet<>();
		Set<String> names = new HashSet<>();
		for (Sentence sentence : sentences) {
			Matcher m = WORD.matcher(sentence.text());
			boolean first = true;
			while (m.find()) {
				String word = m.group();
				if (Character.isLowerCase(word.codePointAt(0))) {
					lower.add(word);
				}
				else if (!first) {
					names.add(Words.lower(word));
				}
				first = false;
			}
		}
		// a word written both ways: "Retention" heads a table, "retention" is in the text
		Set<String> vocabulary = new HashSet<>(lower);
		vocabulary.removeAll(names);
		lower.forEach(word -> vocabulary.add("^" + word));
		return vocabulary;
	}

	/** An instruction or a duty in {@code text}, as an objective; null when the sentence is neither. */
	static String fromSentence(String text) {
		String s = SPEAKER.matcher(text.strip()).replaceFirst("");
		s = s.replaceAll("[\"“”‘’«»\\[\\]]|\\*\\*", "").replaceAll("\\s+", " ").strip();
		s = LEADING_WORDS.matcher(s).replaceFirst("");
		if (s.endsWith("?") || s.endsWith(":") || s.isEmpty() || CourseSummary.aboutItself(s)) {
			return null;
		}
		String condition = null;
		Matcher c = CONDITION.matcher(s);
		if (c.matches()) {
			condition = Words.lower(c.group(1)) + " " + c.group(2).strip();
			s = Words.capitalize(c.group(3));
		}
		s = shorten(s);
		if (s == null) {
			return null;
		}
		Matcher prohibited = PROHIBITION.matcher(s);
		if (prohibited.matches()) {
			String verb = Words.lower(prohibited.group(1));
			if (!LOWER_VERBS.contains(verb)) {
				return null;
			}
			return finish("Avoid " + gerund(verb) + prohibited.group(2), condition);
		}
		Matcher duty = DUTY.matcher(s);
		if (duty.matches()) {
			String verb = duty.group(1) != null ? duty.group(2) : base(duty.group(2));
			if (duty.group(1) == null && !DEADLINE.matcher(s).find()) {
				// "The lead opens a channel" is a duty only with a deadline or a figure to it
				verb = null;
			}
			if (verb == null || verb.equals("not") || verb.equals("never") || !LOWER_VERBS.contains(verb)) {
				return null;
			}
			return finish(Words.capitalize(verb) + duty.group(3), condition);
		}
		String first = s.split(" ")[0];
		if (!VERBS.contains(first) || s.split(" ").length < 3) {
			return null;
		}
		return finish(s, condition);
	}

	private static String finish(String objective, String condition) {
		String o = objective.replaceAll("[.!]+$", "").strip();
		if (o.split(" ").length > 18) {
			int comma = o.lastIndexOf(", ", nthSpace(o, 18));
			o = comma > 0 ? o.substring(0, comma) : o;
		}
		String[] words = o.split(" ");
		if (words.length < 3 || words.length > 18 || o.matches(".*(?:@|https?:|\\d{4,}|\\bextension\\b).*")) {
			// contact details are no objective
			return null;
		}
		// "Keep it for 14 days" says nothing without what "it" is, unless a condition says it
		if (condition == null && words[1].matches("(?i)it|them|this|that|these|those|one")) {
			return null;
		}
		if (condition != null && !o.contains(",") && (condition + " " + o).split(" ").length <= 20) {
			o = o + " " + condition;
		}
		else if (condition != null && words[1].matches("(?i)it|them|this|that|these|those|one")) {
			return null;
		}
		if (o.matches("(?i).*\\b(?:I|me|my|I'm|I'll|I've)\\b.*")) {
			// what a speaker says about themselves ("tell Daniel, not me") is nobody's objective
			return null;
		}
		o = o.replaceAll("\\b[Hh]is or her\\b|\\btheir\\b", "your").replaceAll("[,;:]+$", "");
		return observable(o) ? o : null;
	}

	/** The sentence up to its first aside ("; …", " (…", ", so that …"), or null if what remains is too short. */
	private static String shorten(String s) {
		Matcher cut = CUT.matcher(s);
		String kept = s;
		while (cut.find()) {
			if (cut.group().startsWith(".") || s.substring(0, cut.start()).split(" ").length >= 3) {
				kept = s.substring(0, cut.start());
				break;
			}
		}
		kept = kept.replaceAll("[.!,]+$", "").strip();
		return kept.isEmpty() ? null : kept;
	}

	private static int nthSpace(String s, int n) {
		int at = -1;
		for (int i = 0; i < n; i++) {
			at = s.indexOf(' ', at + 1);
			if (at < 0) {
				return s.length();
			}
		}
		return at;
	}

	/** "accepts" → "accept", "approves" → "approve", "carries" → "carry"; null when it is no present-tense verb. */
	static String base(String verb) {
		String v = Words.lower(verb);
		List<String> guesses = new ArrayList<>();
		if (v.endsWith("ies")) {
			guesses.add(v.substring(0, v.length() - 3) + "y");
		}
		if (v.endsWith("es")) {
			guesses.add(v.substring(0, v.length() - 2));
		}
		if (v.endsWith("s")) {
			guesses.add(v.substring(0, v.length() - 1));
		}
		return guesses.stream().filter(LOWER_VERBS::contains).findFirst().orElse(null);
	}

	static String gerund(String verb) {
		String v = Words.lower(verb);
		if (GERUNDS.containsKey(v)) {
			return GERUNDS.get(v);
		}
		if (v.endsWith("ie")) {
			return v.substring(0, v.length() - 2) + "ying";
		}
		if (v.endsWith("e") && !v.endsWith("ee") && !v.endsWith("ye") && !v.endsWith("oe")) {
			return v.substring(0, v.length() - 1) + "ing";
		}
		return v + "ing";
	}

	/** "Define per diem, business expense and corporate card": the glossary's first terms, as the document writes them. */
	private static String define(List<GlossaryEntry> glossary) {
		List<String> terms = glossary.stream().map(GlossaryEntry::term)
			.filter(t -> !t.matches(".*[\"“”].*"))
			.limit(3)
			.map(t -> t.matches("\\p{Lu}\\p{Ll}+(?:\\s\\p{Ll}+)*") ? Words.lower(t) : t)
			.toList();
		if (terms.size() < 2) {
			return null;
		}
		String list = terms.size() == 2 ? terms.get(0) + " and " + terms.get(1)
				: terms.get(0) + ", " + terms.get(1) + " and " + terms.get(2);
		return "Define " + list;
	}

	/** Two objectives that share most of their words ask the learner for the same thing. */
	private static boolean similar(Set<String> objectives, String candidate) {
		Set<String> words = contentWords(candidate);
		return objectives.stream().anyMatch(o -> {
			Set<String> other = contentWords(o);
			long shared = other.stream().filter(words::contains).count();
			return shared >= 0.7 * Math.min(words.size(), other.size());
		});
	}

	private static Set<String> contentWords(String text) {
		Set<String> words = new HashSet<>();
		Matcher m = Words.TOKEN.matcher(Words.lower(text));
		while (m.find()) {
			if (!Words.isStop(m.group())) {
				words.add(m.group());
			}
		}
		return words;
	}
}
