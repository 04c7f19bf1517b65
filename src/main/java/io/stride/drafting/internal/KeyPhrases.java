package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Key terms of a source, RAKE style: runs of content words between stop words and punctuation, scored by
 * word degree over frequency, boosted when the author made them bold, defined them or used them in headings.
 */
final class KeyPhrases {

	/**
	 * @param marked the author marked it: bold, defined, or used in a heading
	 */
	record Term(String text, double score, int count, boolean marked) {

		/**
		 * Good enough to be a right or wrong answer: marked by the author, a named role or system ("Finance
		 * Operations", "Field App"), or a repeated multi-word phrase.
		 */
		boolean answerable() {
			String first = Words.lower(text.split("\\s+")[0]);
			int words = Words.count(text);
			boolean capitalized = Character.isUpperCase(text.codePointAt(0)) && text.length() >= 4;
			Kind kind = kindOf(text);
			boolean named = words >= 2 && capitalized && (kind == Kind.ROLE || kind == Kind.SYSTEM)
					&& Arrays.stream(text.split("\\s+")).allMatch(w -> Character.isUpperCase(w.codePointAt(0)));
			return !Words.VERBS.contains(first) && (marked || named || count >= 2 && (words >= 2 || capitalized));
		}
	}

	/** What a term names, so that a wrong answer names the same kind of thing (a role for a role). */
	enum Kind {
		ROLE, SYSTEM, NAME, MONTH, WEEKDAY, OTHER
	}

	private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may",
			"june", "july", "august", "september", "october", "november", "december");

	private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday",
			"friday", "saturday", "sunday");

	private static final Set<String> ROLE_HEADS = Set.of("manager", "director", "lead", "leader",
			"supervisor", "engineer", "officer", "team", "desk", "operations", "department", "dispatch", "owner",
			"contact", "customer", "employee", "staff", "specialist", "specialists", "auditor", "audit", "hr", "finance",
			"helpline", "hotline", "administrator", "agent", "representative", "controller", "head", "deputy",
			"coordinator", "planner", "technician", "person", "reviewer", "approver", "committee", "board", "security",
			"holder", "partner", "colleague", "buddy", "mentor", "analyst", "assistant", "advisor", "adviser", "chair",
			"centre", "center", "service", "support", "unit", "office", "authority", "responder", "commander");

	private static final Set<String> SYSTEM_HEADS = Set.of("app", "portal", "system", "tool", "form",
			"report", "log", "register", "sheet", "template", "database", "drive", "platform", "channel", "queue", "card",
			"notice", "policy", "guide", "handbook", "bulletin", "ticket", "record", "file", "account", "number", "code",
			"list", "plan", "tag", "bag", "checklist", "manual", "page", "website", "site", "tracker", "board", "calendar",
			"inbox", "mailbox", "folder", "vault", "wiki", "document", "certificate", "permit", "badge", "id", "key",
			"laptop", "phone", "device", "terminal", "network", "vpn", "server");

	static Kind kindOf(String term) {
		String[] words = term.strip().split("\\s+");
		String head = Words.lower(words[words.length - 1]);
		String singular = head.endsWith("s") && !head.endsWith("ss") && head.length() > 3 ? head.substring(0, head.length() - 1) : head;
		if (words.length == 1 && MONTHS.contains(head)) {
			return Kind.MONTH;
		}
		if (words.length == 1 && (WEEKDAYS.contains(head) || WEEKDAYS.contains(singular))) {
			return Kind.WEEKDAY;
		}
		if (ROLE_HEADS.contains(head) || ROLE_HEADS.contains(singular)) {
			return Kind.ROLE;
		}
		if (SYSTEM_HEADS.contains(head) || SYSTEM_HEADS.contains(singular)) {
			return Kind.SYSTEM;
		}
		if (words.length <= 2 && Arrays.stream(words).allMatch(w -> Character.isUpperCase(w.codePointAt(0)))) {
			return Kind.NAME;
		}
		return Kind.OTHER;
	}

	/** The last word, singular: "claims" and "expense claim" share the head "claim". */
	static String head(String term) {
		String[] words = term.strip().split("\\s+");
		return Words.stem(words[words.length - 1]);
	}

	private static final Pattern SPEAKER = Pattern.compile("^([^:]{2,40}):\\s");

	private KeyPhrases() {
	}

	static List<Term> extract(List<Sentence> sentences, List<Definitions.Definition> definitions, List<Block> headings,
			int limit) {
		Map<String, List<String>> phrases = new LinkedHashMap<>();
		Map<String, Integer> frequency = new HashMap<>();
		Map<String, Integer> degree = new HashMap<>();
		for (Sentence sentence : sentences) {
			for (List<String> run : runs(sentence.text())) {
				String key = Words.lower(String.join(" ", run));
				phrases.computeIfAbsent(key, k -> new ArrayList<>()).add(String.join(" ", run));
				for (String word : run) {
					String w = Words.lower(word);
					frequency.merge(w, 1, Integer::sum);
					degree.merge(w, run.size() - 1, Integer::sum);
				}
			}
		}
		Map<String, Double> boost = new HashMap<>();
		for (Sentence sentence : sentences) {
			for (String bold : sentence.block().bold()) {
				boost.merge(Words.lower(bold), 3.0, Math::max);
			}
		}
		definitions.forEach(d -> boost.merge(Words.lower(d.term()), 4.0, Math::max));
		for (Block heading : headings) {
			for (List<String> run : runs(heading.text())) {
				boost.merge(Words.lower(String.join(" ", run)), 1.0, Math::max);
			}
		}
		Set<String> speakers = new HashSet<>();
		for (Sentence sentence : sentences) {
			Matcher speaker = SPEAKER.matcher(sentence.block().text());
			if (sentence.block().spoken() && speaker.find()) {
				speakers.add(Words.lower(speaker.group(1)));
			}
		}
		List<Term> terms = new ArrayList<>();
		for (var entry : phrases.entrySet()) {
			String key = entry.getKey();
			if (!usable(key) || speakers.contains(key)) {
				continue;
			}
			double score = 0;
			for (String word : key.split(" ")) {
				score += (degree.getOrDefault(word, 0) + frequency.getOrDefault(word, 1)) / (double) frequency.getOrDefault(word, 1);
			}
			int count = entry.getValue().size();
			score = score * Math.log(1 + count) + boost.getOrDefault(key, 0.0) * 2;
			terms.add(new Term(mostCommon(entry.getValue()), score, count, boost.getOrDefault(key, 0.0) >= 3));
		}
		// bold and defined terms that never formed a clean run still count
		for (var entry : boost.entrySet()) {
			if (entry.getValue() >= 3 && !phrases.containsKey(entry.getKey()) && usable(entry.getKey())) {
				String surface = surfaceOf(entry.getKey(), sentences);
				if (surface != null) {
					terms.add(new Term(surface, entry.getValue() * 3, 1, true));
				}
			}
		}
		terms.sort(Comparator.comparingDouble(Term::score).reversed().thenComparing(Term::text));
		return terms.size() > limit ? new ArrayList<>(terms.subList(0, limit)) : terms;
	}

	/** Runs of up to four content words, split at stop words and at punctuation. */
	static List<List<String>> runs(String text) {
		List<List<String>> runs = new ArrayList<>();
		List<String> current = new ArrayList<>();
		Matcher m = Words.TOKEN.matcher(text);
		int lastEnd = 0;
		int runStart = 0;
		// capitals mark names in English; in German every noun has one
		boolean english = StemChecks.english(text);
		while (m.find()) {
			String gap = text.substring(lastEnd, m.start());
			String word = m.group();
			boolean breaks = !gap.isBlank() && !gap.equals(" ") || Words.isStop(word) || STARTS_WITH_DIGIT.matcher(word).matches();
			// a name ends where lower-case words begin: "Finance Operations | checks", "approved | Finance Director";
			// only a sentence's capitalized first word may start a lower-case phrase ("Lost receipts")
			if (!breaks && !current.isEmpty() && english) {
				boolean before = Character.isUpperCase(current.get(current.size() - 1).codePointAt(0));
				boolean now = Character.isUpperCase(word.codePointAt(0));
				boolean sentenceStart = current.size() == 1 && runStart == 0;
				breaks = before != now && !(sentenceStart && before);
			}
			if (breaks) {
				flush(current, runs);
			}
			if (current.isEmpty()) {
				runStart = m.start();
			}
			if (!Words.isStop(word) && !STARTS_WITH_DIGIT.matcher(word).matches()) {
				current.add(POSSESSIVE.matcher(word).replaceAll(""));
			}
			lastEnd = m.end();
		}
		flush(current, runs);
		return runs;
	}

	private static void flush(List<String> current, List<List<String>> runs) {
		if (!current.isEmpty() && current.size() <= 4) {
			runs.add(new ArrayList<>(current));
		}
		current.clear();
	}

	private static final Pattern DIGITS_ONLY = Pattern.compile("[\\d\\s]+");

	private static final Pattern WITH_UNIT = Pattern.compile(".*\\b(days?|hours?|weeks?|months?|years?|minutes?|seconds?|percent|km|kg|eur|usd)\\b.*");

	private static final Pattern STARTS_WITH_DIGIT = Pattern.compile("\\d.*");

	private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

	private static boolean usable(String key) {
		return key.length() >= 4 && key.length() <= 60 && !DIGITS_ONLY.matcher(key).matches() && key.codePoints().anyMatch(Character::isLetter)
				&& !Arrays.stream(key.split(" ")).allMatch(Words::isStop)
				&& !WITH_UNIT.matcher(key).matches();
	}

	private static String mostCommon(List<String> forms) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		forms.forEach(form -> counts.merge(form, 1, Integer::sum));
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	private static String surfaceOf(String key, List<Sentence> sentences) {
		for (Sentence sentence : sentences) {
			int at = Words.lower(sentence.text()).indexOf(key);
			if (at >= 0) {
				return sentence.text().substring(at, at + key.length());
			}
		}
		return null;
	}
}
