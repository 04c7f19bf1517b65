package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;

/**
 * Procedures written as prose or as plain bullets become ordering questions: sentences signalled "First … Then …
 * Next … Finally …", "Step 1: … Step 2: …", or numbered inside a paragraph ("1) … 2) … 3) …"). Each step is the
 * author's own phrase with its signal word taken off, so it appears verbatim in the cited passage. In a transcript,
 * steps are said with ordinals over several turns ("The first thing you do is find the order. … Second step, you
 * check the date. … The last step, you give them the receipt."), questions and asides in between.
 */
final class Procedures {

	private static final Pattern FIRST = Pattern.compile("^(?:First(?: of all)?|To (?:start|begin)|Firstly),?\\s+(?<step>.+)$");

	private static final Pattern LATER = Pattern.compile(
			"^(?:Then|Next|After that|Afterwards|Second(?:ly)?|Third(?:ly)?|Fourth|Fifth|Now|Once (?:that|this) is done|When (?:that|this) is done)"
					+ ",?\\s+(?<step>.+)$");

	private static final Pattern LAST = Pattern.compile("^(?:Finally|Lastly|Last of all),?\\s+(?<step>.+)$");

	private static final Pattern STEP = Pattern.compile("^Step\\s+(?<n>\\d{1,2})\\s*[:.)–—-]\\s*(?<step>.+)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_NUMBER = Pattern.compile("(?:^|(?<=\\s))\\(?(?<n>[1-9])\\)\\s+");

	/** Inside one sentence: "back up your files, then restart". */
	private static final Pattern THEN = Pattern.compile(",?\\s+(?:and\\s+)?then\\s+");

	/** A spoken step: "The first thing you do is …", "Second step, you …", "Third, you …", "The last step, you …". */
	private static final Pattern SPOKEN_STEP = Pattern.compile("(?i)^(?:the\\s+)?(?<ord>first|second|third|fourth|fifth|sixth|last|final)"
			+ "(?:\\s+(?:step|thing(?:\\s+you\\s+do)?)|\\s+of\\s+all)?(?:,\\s*always,)?(?:\\s*[,:]|\\s+is\\b)?\\s*(?:you\\s+)?(?<step>(?!is\\b|\\p{L}+ is\\b)\\p{Ll}.+)$");

	private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth");

	/** A spoken procedure's steps may lie this many sentences apart (a question from the audience, an example). */
	static final int MAX_SPOKEN_GAP = 8;

	static final int MIN_STEPS = 3;

	static final int MAX_STEPS = 7;

	static final int MAX_STEP_WORDS = 16;

	private record Step(String text, int start, int end) {
	}

	private Procedures() {
	}

	static List<QuestionMaker.Candidate> find(List<Sentence> sentences, double[] centrality) {
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		signalled(sentences, centrality, found);
		numberedSteps(sentences, centrality, found);
		inlineNumbers(sentences, centrality, found);
		return found;
	}

	/**
	 * Steps said with ordinals in a transcript, found in the whole {@code document} (a talk's steps may run past
	 * where its modules were cut by topic) and kept where the first step is one of {@code own}.
	 */
	static List<QuestionMaker.Candidate> spoken(List<Sentence> document, List<Sentence> own, double[] centrality) {
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		if (own.isEmpty() || own.stream().noneMatch(s -> spokenStep(s) != null)) {
			return found;
		}
		Set<Integer> mine = new HashSet<>();
		own.forEach(s -> mine.add(s.index()));
		spokenOrdinals(document.stream().filter(s -> s.source() == own.get(0).source()).toList(), centrality, found);
		found.removeIf(c -> own.stream().noneMatch(s -> mine.contains(s.index()) && s.start() <= c.question().citation().start()
				&& c.question().citation().start() < s.end()));
		return found;
	}

	/** "First, … Then, … Next, … Finally, …": at most one unsignalled sentence between two steps. */
	private static void signalled(List<Sentence> sentences, double[] centrality, List<QuestionMaker.Candidate> found) {
		for (int i = 0; i < sentences.size(); i++) {
			Matcher first = FIRST.matcher(sentences.get(i).text());
			if (!first.matches()) {
				continue;
			}
			List<Step> steps = new ArrayList<>(split(sentences.get(i), first.start("step")));
			int gap = 0;
			int j = i + 1;
			for (; j < sentences.size() && steps.size() <= MAX_STEPS; j++) {
				Sentence next = sentences.get(j);
				if (next.source() != sentences.get(i).source()) {
					break;
				}
				Matcher later = LATER.matcher(next.text());
				Matcher last = LAST.matcher(next.text());
				if (later.matches()) {
					steps.addAll(split(next, later.start("step")));
					gap = 0;
				}
				else if (last.matches()) {
					steps.addAll(split(next, last.start("step")));
					break;
				}
				else if (++gap > 1) {
					break;
				}
			}
			ordering(steps, sentences.get(i), sentences, centrality, 0.86).ifPresent(found::add);
			i = Math.max(i, j - 1);
		}
	}

	/** "The first thing you do is …", "Second step, you …", …, "The last step, you …" in a transcript. */
	private static void spokenOrdinals(List<Sentence> sentences, double[] centrality, List<QuestionMaker.Candidate> found) {
		for (int i = 0; i < sentences.size(); i++) {
			Matcher first = spokenStep(sentences.get(i));
			if (first == null || !Words.lower(first.group("ord")).equals("first")) {
				continue;
			}
			List<Step> steps = new ArrayList<>();
			steps.add(step(sentences.get(i).text().substring(first.start("step")), sentences.get(i).start() + first.start("step")));
			int gap = 0;
			int j = i + 1;
			for (; j < sentences.size() && gap <= MAX_SPOKEN_GAP && steps.size() <= MAX_STEPS; j++) {
				Sentence next = sentences.get(j);
				Matcher m = spokenStep(next);
				String ordinal = m == null ? null : Words.lower(m.group("ord"));
				if (m != null && (ordinal.equals(ORDINALS.get(Math.min(steps.size(), ORDINALS.size() - 1)))
						|| ordinal.equals("last") || ordinal.equals("final"))) {
					steps.add(step(next.text().substring(m.start("step")), next.start() + m.start("step")));
					gap = 0;
					if (ordinal.equals("last") || ordinal.equals("final")) {
						break;
					}
				}
				else {
					gap++;
				}
			}
			ordering(steps, sentences.get(i), sentences, centrality, 0.86).ifPresent(found::add);
			i = Math.max(i, j - 1);
		}
	}

	private static Matcher spokenStep(Sentence sentence) {
		if (!sentence.block().spoken()) {
			return null;
		}
		Matcher m = SPOKEN_STEP.matcher(StructuredQuestions.stripEnd(sentence.text()));
		return m.matches() ? m : null;
	}

	/** "Step 1: …", "Step 2: …" in consecutive sentences, paragraphs or bullets. */
	private static void numberedSteps(List<Sentence> sentences, double[] centrality, List<QuestionMaker.Candidate> found) {
		for (int i = 0; i < sentences.size(); i++) {
			Matcher step = STEP.matcher(sentences.get(i).text());
			if (!step.matches() || !step.group("n").equals("1")) {
				continue;
			}
			List<Step> steps = new ArrayList<>();
			int expected = 1;
			int j = i;
			for (; j < sentences.size(); j++) {
				Matcher m = STEP.matcher(sentences.get(j).text());
				if (m.matches() && Integer.parseInt(m.group("n")) == expected) {
					Sentence s = sentences.get(j);
					steps.add(step(s.text().substring(m.start("step")), s.start() + m.start("step")));
					expected++;
				}
				else if (!m.matches() && sentences.get(j).block() == sentences.get(j - 1).block()) {
					continue; // a sentence explaining the step before
				}
				else {
					break;
				}
			}
			ordering(steps, sentences.get(i), sentences, centrality, 0.88).ifPresent(found::add);
			i = Math.max(i, j - 1);
		}
	}

	/** "1) … 2) … 3) …" inside one paragraph. */
	private static void inlineNumbers(List<Sentence> sentences, double[] centrality, List<QuestionMaker.Candidate> found) {
		List<Block> seen = new ArrayList<>();
		for (Sentence sentence : sentences) {
			Block block = sentence.block();
			if (!block.is(Block.Kind.PARAGRAPH) || seen.contains(block)) {
				continue;
			}
			seen.add(block);
			Matcher m = INLINE_NUMBER.matcher(block.text());
			List<int[]> marks = new ArrayList<>();
			int expected = 1;
			while (m.find()) {
				if (Integer.parseInt(m.group("n")) == expected) {
					marks.add(new int[] { m.start(), m.end() });
					expected++;
				}
			}
			if (marks.size() < MIN_STEPS) {
				continue;
			}
			List<Step> steps = new ArrayList<>();
			for (int k = 0; k < marks.size(); k++) {
				int from = marks.get(k)[1];
				int to = k + 1 < marks.size() ? marks.get(k + 1)[0] : block.text().length();
				String raw = block.text().substring(from, to);
				// the last step ends with its sentence
				if (k + 1 == marks.size()) {
					int stop = raw.indexOf(". ");
					raw = stop > 0 ? raw.substring(0, stop) : raw;
				}
				String text = raw.replaceAll("(?:[,;]?\\s*(?:and|or)?\\s*)$", "");
				steps.add(step(text, block.start() + from));
			}
			ordering(steps, sentence, sentences, centrality, 0.86).ifPresent(found::add);
		}
	}

	/** A sentence's steps from {@code from} on, split at an inner "…, then …". */
	private static List<Step> split(Sentence sentence, int from) {
		String text = sentence.text();
		List<Step> steps = new ArrayList<>();
		Matcher then = THEN.matcher(text);
		int at = from;
		while (then.find(at) && then.start() > at) {
			steps.add(step(text.substring(at, then.start()), sentence.start() + at));
			at = then.end();
		}
		steps.add(step(text.substring(at), sentence.start() + at));
		return steps;
	}

	private static Step step(String raw, int start) {
		String text = StructuredQuestions.stripEnd(raw);
		int lead = raw.indexOf(text);
		return new Step(text, start + Math.max(0, lead), start + Math.max(0, lead) + text.length());
	}

	private static Optional<QuestionMaker.Candidate> ordering(List<Step> steps, Sentence first,
			List<Sentence> sentences, double[] centrality, double base) {
		if (steps.size() < MIN_STEPS || steps.size() > MAX_STEPS) {
			return Optional.empty();
		}
		for (Step step : steps) {
			String[] words = step.text().split("\\s+");
			String verb = Words.lower(words[0]);
			// a step is an instruction: "open the Labels app", not "your manager"
			if (words.length < 2 || words.length > MAX_STEP_WORDS || step.text().contains(". ")
					|| !Rules.IMPERATIVES.contains(verb) && !Words.VERBS.contains(verb)) {
				return Optional.empty();
			}
		}
		ExtractedSource source = first.source();
		int from = steps.get(0).start();
		int to = steps.get(steps.size() - 1).end();
		Citation citation = StructuredQuestions.span(source, Transcripts.locator(source, first.block(), from, to), from, to);
		// each step must be found, in order, where a reader of the passage would find it
		String cited = citation.text().toLowerCase(Locale.ROOT);
		int last = -1;
		for (Step step : steps) {
			int at = cited.indexOf(step.text().toLowerCase(Locale.ROOT));
			if (at <= last) {
				return Optional.empty();
			}
			last = at;
		}
		List<String> texts = steps.stream().map(s -> Words.capitalize(s.text())).toList();
		if (texts.stream().map(Words::lower).distinct().count() < texts.size()) {
			return Optional.empty();
		}
		List<Integer> order = StructuredQuestions.shuffled(texts.size(), texts.hashCode());
		List<String> options = order.stream().map(texts::get).toList();
		List<Integer> correct = new ArrayList<>();
		for (int step = 0; step < texts.size(); step++) {
			correct.add(order.indexOf(step));
		}
		String heading = StructuredQuestions.headingBefore(source, citation.start());
		String prompt = Phrasing.orderSteps(heading);
		double importance = StructuredQuestions.importance(sentences, centrality, citation.start(), citation.end());
		return Optional.of(StructuredQuestions.candidate(QuestionMaker.ORDERING, QuestionMaker.ORDERING, prompt,
				options, correct, Phrasing.orderStepsExplanation(citation.locator(), citation.source(), citation.text()), citation,
				base + 0.1 * importance, citation.start()));
	}
}
