package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;

/**
 * Makes questions from a module's own sentences. Every question cites the sentence (or list) it comes from;
 * the right answer is in that citation; wrong answers are terms or numbers of the same kind from the same
 * source that do not occur in the cited text, are not the right answer in other words, and are all different.
 */
final class QuestionMaker {

	static final String SINGLE = "SINGLE_CHOICE";

	static final String MULTIPLE = "MULTIPLE_CHOICE";

	static final String TRUE_FALSE = "TRUE_FALSE";

	static final String ORDERING = "ORDERING";

	private static final int MAX_OPTION = 160;

	record Candidate(DraftQuestion question, double score, String kind, int position) {
	}

	/** A run of list items under one heading. */
	record ListGroup(String heading, List<Block> items, ExtractedSource source, boolean ordered) {

		Citation citation() {
			Block first = items.get(0);
			Block last = items.get(items.size() - 1);
			return new Citation(source.name(), first.locator(), first.start(), last.end(),
					source.text().substring(first.start(), last.end()));
		}
	}

	private final List<KeyPhrases.Term> terms;

	private final float[][] termVectors;

	private final Map<String, Integer> termIndex = new HashMap<>();

	private final List<Quantities.Quantity> quantities;

	private final List<Definitions.Definition> definitions;

	private final List<ListGroup> allLists;

	private final StructuredQuestions structured;

	/** The language the questions are asked in; the structured kinds and "Who …?" stems are English only. */
	private Wording wording = Wording.of(DocumentLanguage.Language.ENGLISH);

	private final KeyPhrases.Kind[] kinds;

	private final boolean[] answerable;

	/** Each term's longest word as {@link Words#words} folds them: a sentence without it cannot hold the term. */
	private final String[] termWords;

	/** Every sentence of the sources, to tell a wrong answer from another true statement. */
	private final Statements statements;

	QuestionMaker(List<KeyPhrases.Term> terms, float[][] termVectors, List<Quantities.Quantity> quantities,
			List<Definitions.Definition> definitions, List<ListGroup> allLists) {
		this(terms, termVectors, quantities, definitions, allLists, List.of(), new float[0][]);
	}

	QuestionMaker(List<KeyPhrases.Term> terms, float[][] termVectors, List<Quantities.Quantity> quantities,
			List<Definitions.Definition> definitions, List<ListGroup> allLists, List<Sentence> sentences,
			float[][] sentenceVectors) {
		this.statements = new Statements(sentences, sentenceVectors);
		this.terms = terms;
		this.termVectors = termVectors;
		this.kinds = new KeyPhrases.Kind[terms.size()];
		this.answerable = new boolean[terms.size()];
		this.termWords = new String[terms.size()];
		for (int i = 0; i < terms.size(); i++) {
			termIndex.put(Words.lower(terms.get(i).text()), i);
			kinds[i] = KeyPhrases.kindOf(terms.get(i).text());
			answerable[i] = terms.get(i).answerable();
			termWords[i] = Words.longestWord(terms.get(i).text());
		}
		this.quantities = quantities;
		this.definitions = definitions;
		this.allLists = allLists;
		this.structured = new StructuredQuestions(definitions, allLists, quantities, sentences);
	}

	List<Candidate> candidates(List<Sentence> sentences, double[] centrality, List<ListGroup> lists) {
		List<Candidate> candidates = new ArrayList<>();
		for (Sentence sentence : sentences) {
			if (!StemChecks.askable(sentence)) {
				continue;
			}
			double weight = centrality[sentence.index()];
			List<Quantities.Quantity> found = Quantities.in(sentence.text());
			found = found.stream().filter(q -> q.start() >= StemChecks.afterLabel(sentence.text())).toList();
			if (!found.isEmpty()) {
				numeric(sentence, found.get(0), weight).ifPresent(candidates::add);
				candidates.addAll(trueFalse(sentence, found.get(0), weight));
			}
			else {
				candidates.addAll(termStatements(sentence, weight));
			}
			cloze(sentence, weight).ifPresent(candidates::add);
		}
		for (Definitions.Definition definition : definitions) {
			if (sentences.contains(definition.sentence())) {
				definition(definition, centrality[definition.sentence().index()]).ifPresent(candidates::add);
			}
		}
		for (ListGroup group : lists) {
			if (group.ordered()) {
				ordering(group).ifPresent(candidates::add);
			}
			multiple(group, lists).ifPresent(candidates::add);
		}
		// kinds chosen from the structure of the text; they replace the questions above on the same list or definitions
		if (english()) {
			List<Candidate> structuredCandidates = structured.candidates(sentences, centrality, lists);
			candidates.removeIf(structured::supersedes);
			candidates.addAll(structuredCandidates);
		}
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::position));
		return candidates;
	}

	private Optional<Candidate> numeric(Sentence sentence, Quantities.Quantity answer, double weight) {
		if (partOfRange(sentence.text(), answer)) {
			return Optional.empty();
		}
		List<String> distractors = numberDistractors(sentence, answer, 3);
		if (distractors.size() < 2) {
			return Optional.empty();
		}
		String prompt = (english() ? Rephrase.numberQuestion(sentence.text(), answer) : Optional.<String>empty())
			.orElse(wording.say("fillInTheBlank", wording.quote(spoken(sentence).substring(0, answer.start() - speakerLength(sentence))
					+ "_____" + sentence.text().substring(answer.end()))));
		return Optional.of(candidate(SINGLE, prompt, answer.text(), distractors,
				explain(sentence.citation()), sentence.citation(), weight + 0.3, sentence.index()));
	}

	/** "10 to 20 minutes": blanking one end of a range asks a riddle, not a fact. */
	private static boolean partOfRange(String text, Quantities.Quantity answer) {
		String before = text.substring(0, answer.start());
		String after = text.substring(answer.end());
		return before.matches("(?s).*\\d\\s*(to|-|–|and|or)\\s*$") || after.matches("(?s)^\\s*(to|-|–|or)\\s*\\d.*");
	}

	/**
	 * The statement as written (keyed true) and, when the document has another amount of the same kind, the
	 * statement with that amount instead (keyed false): selection keeps whichever balances the draft.
	 */
	private List<Candidate> trueFalse(Sentence sentence, Quantities.Quantity answer, double weight) {
		if (partOfRange(sentence.text(), answer)) {
			return List.of();
		}
		List<Candidate> both = new ArrayList<>();
		both.add(statement(sentence, sentence.text(), null, null, weight));
		List<String> distractors = numberDistractors(sentence, answer, 1).stream()
			.filter(d -> unitWord(d).equals(unitWord(answer.text())) && Quantities.in(d).stream()
				.anyMatch(q -> answer.base() > 0 && q.base() > 0 && Math.abs(Math.log(q.base() / answer.base())) <= Math.log(20)))
			.toList();
		if (distractors.isEmpty()) {
			distractors = changedAmount(sentence, answer).stream().toList();
		}
		if (!distractors.isEmpty()) {
			String changed = sentence.text().substring(0, answer.start()) + distractors.get(0) + sentence.text().substring(answer.end());
			both.add(statement(sentence, changed, answer.text(), distractors.get(0), weight));
		}
		return both;
	}

	/**
	 * When the document has no other amount of the same unit: the same amount doubled (or halved, when large and
	 * even), in the same unit, unless the document states that amount somewhere else.
	 */
	private Optional<String> changedAmount(Sentence sentence, Quantities.Quantity answer) {
		Matcher digits = Pattern.compile("\\d+").matcher(answer.text());
		if (!digits.find() || answer.text().matches(".*\\d[.,]\\d.*") || digits.group().length() > 6) {
			return Optional.empty();
		}
		long value = Long.parseLong(digits.group());
		long other = value > 10 && value % 2 == 0 ? value / 2 : value * 2;
		if (value == 0) {
			return Optional.empty();
		}
		String text = answer.text().substring(0, digits.start()) + other + answer.text().substring(digits.end());
		if (value == 1 && text.matches("(?i).*\\b(?:day|hour|week|month|year|minute|second|time|person|step|item|unit|attempt|call|visit|ticket|page)$")) {
			text = text + "s";
		}
		String amount = text;
		boolean stated = quantities.stream().anyMatch(q -> Words.lower(q.text()).equals(Words.lower(amount)));
		return stated || statements.trueElsewhere(sentence, answer.text(), amount) ? Optional.empty()
				: Optional.of(amount);
	}

	/** A true/false question on {@code statement}; keyed false when it says {@code wrong} where the source says {@code right}. */
	private Candidate statement(Sentence sentence, String statement, String right, String wrong, double weight) {
		boolean makeFalse = wrong != null;
		String prompt = wording.say("trueOrFalse", wording.quote(statement));
		String why = makeFalse ? wording.say("falseBecause", right, wrong, wording.quote(sentence.text()),
				sentence.citation().locator()) : explain(sentence.citation());
		DraftQuestion question = new DraftQuestion(id(prompt), TRUE_FALSE, prompt,
				List.of(wording.label("true"), wording.label("false")),
				List.of(makeFalse ? 1 : 0), why, sentence.citation());
		return new Candidate(question, weight, TRUE_FALSE, sentence.index());
	}

	/**
	 * A question on the sentence's most important named thing: a role, a system or document, a name, or a term the
	 * source defines; never a word of a label ("Critical: …") or a generic phrase. Asked as "Who …?" when the role
	 * does what the sentence says, otherwise as a blank; with a true/false variant that swaps in a thing of the
	 * same kind.
	 */
	private Optional<Candidate> cloze(Sentence sentence, double weight) {
		KeyPhrases.Term best = null;
		if (sentence.block().is(Block.Kind.LIST_ITEM) && (sentence.words() < 8 || !sentence.text().matches(".*[.!]$"))) {
			return Optional.empty();
		}
		int bodyStart = StemChecks.afterLabel(sentence.text());
		// what kind of thing a term names is judged from English head nouns and capitals only
		boolean english = StemChecks.english(sentence.text());
		Set<String> words = statements.wordsOf(sentence);
		for (int i = 0; i < terms.size(); i++) {
			KeyPhrases.Term term = terms.get(i);
			if (!answerable[i] || termWords[i] != null && !words.contains(termWords[i])) {
				continue;
			}
			int at = Words.indexOfTerm(sentence.text(), term.text());
			if (at >= bodyStart && (!english || worthAsking(term)) && !StemChecks.insideAddress(sentence.text(), at, term.text().length())
					&& !sentence.text().strip().equalsIgnoreCase(term.text())
					&& (best == null || term.score() > best.score())) {
				best = term;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		String answer = surface(sentence.text(), best.text());
		List<String> distractors = termDistractors(sentence, best, 3);
		if (distractors.size() < 2) {
			return Optional.empty();
		}
		String prompt = (english() ? Rephrase.whoQuestion(sentence.text(), answer, KeyPhrases.kindOf(best.text()))
				: Optional.<String>empty())
			.orElse(wording.say("fillInTheBlank", wording.quote(blank(spoken(sentence), answer))));
		return Optional.of(candidate(SINGLE, prompt, answer, distractors, explain(sentence.citation()),
				sentence.citation(), weight + Math.min(0.3, best.score() / 100), sentence.index()));
	}

	/** The sentence without the speaker's name in front ("Maria Keller: …") when it comes from a transcript. */
	private static String spoken(Sentence sentence) {
		return sentence.text().substring(speakerLength(sentence));
	}

	private static int speakerLength(Sentence sentence) {
		return sentence.block().spoken() ? StemChecks.afterLabel(sentence.text()) : 0;
	}

	private final Map<String, Boolean> properNames = new ConcurrentHashMap<>();

	/** Written with capitals inside a sentence somewhere, not only at a sentence's start ("Good", "Thanks"). */
	private boolean properName(String term) {
		return properNames.computeIfAbsent(term, t -> statements.mentions(t).stream().anyMatch(s -> {
			for (int at = s.text().indexOf(t); at >= 0; at = s.text().indexOf(t, at + 1)) {
				String before = s.text().substring(0, at).stripTrailing();
				if (at > StemChecks.afterLabel(s.text()) && !before.isEmpty() && !before.matches("(?s).*[.!?:\"“„(\\[]$")) {
					return true;
				}
			}
			return false;
		}));
	}

	/** A role, a system or document, a name, or a term the author defined or marked: a fact worth a blank. */
	private boolean worthAsking(KeyPhrases.Term term) {
		KeyPhrases.Kind kind = KeyPhrases.kindOf(term.text());
		if (kind == KeyPhrases.Kind.NAME && !properName(term.text())) {
			return false;
		}
		return kind != KeyPhrases.Kind.OTHER || term.marked()
				|| definitions.stream().anyMatch(d -> d.term().equalsIgnoreCase(term.text()));
	}

	/** True/false on a role, system or name: as written, or with another of the same kind swapped in. */
	List<Candidate> termStatements(Sentence sentence, double weight) {
		if (!StemChecks.askable(sentence) || sentence.block().is(Block.Kind.LIST_ITEM) && sentence.words() < 8) {
			return List.of();
		}
		int bodyStart = StemChecks.afterLabel(sentence.text());
		for (int i = 0; i < terms.size(); i++) {
			KeyPhrases.Term term = terms.get(i);
			KeyPhrases.Kind kind = kinds[i];
			if (!answerable[i] || kind != KeyPhrases.Kind.ROLE && kind != KeyPhrases.Kind.SYSTEM && kind != KeyPhrases.Kind.MONTH
					&& kind != KeyPhrases.Kind.WEEKDAY) {
				continue;
			}
			int at = Words.indexOfTerm(sentence.text(), term.text());
			if (at < bodyStart || !EnumSet.of(KeyPhrases.Kind.ROLE, KeyPhrases.Kind.SYSTEM, KeyPhrases.Kind.MONTH, KeyPhrases.Kind.WEEKDAY).contains(kind)
					|| StemChecks.insideAddress(sentence.text(), at, term.text().length())) {
				continue;
			}
			List<String> others = termDistractors(sentence, term, 1);
			if (others.isEmpty()) {
				continue;
			}
			String right = sentence.text().substring(at, at + term.text().length());
			String changed = sentence.text().substring(0, at) + others.get(0) + sentence.text().substring(at + right.length());
			return List.of(statement(sentence, sentence.text(), null, null, weight),
					statement(sentence, changed, right, others.get(0), weight));
		}
		return List.of();
	}

	private Optional<Candidate> definition(Definitions.Definition definition, double weight) {
		String answer = definition.definition();
		String term = definition.term();
		if (answer.length() > MAX_OPTION || Words.VERBS.contains(Words.lower(term.split("\\s+")[0])) || contact(answer)
				|| StemChecks.markup(answer)
				|| StemChecks.fragment(definition.sentence().text()) && Words.count(answer) < 4) {
			return Optional.empty();
		}
		float[] mine = statements.vector(definition.sentence().text());
		record Scored(String text, double score) {
		}
		List<Scored> ranked = new ArrayList<>();
		for (Definitions.Definition other : definitions) {
			String text = trim(other.definition());
			if (other == definition || contact(text) || Words.nearDuplicate(text, answer) || Words.containsTerm(definition.sentence().text(), text)) {
				continue;
			}
			float[] theirs = statements.vector(other.sentence().text());
			double similarity = mine == null || theirs == null ? 0.3 : Embedder.cosine(mine, theirs);
			// a sibling in the same list (Minor, Major, Critical) is the most telling wrong answer
			boolean sameList = sameList(definition.sentence(), other.sentence());
			ranked.add(new Scored(text, similarity + (sameList ? 0.3 : 0) - (similarity > 0.9 ? 1 : 0)));
		}
		ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::text));
		List<String> others = new ArrayList<>();
		for (Scored s : ranked) {
			if (others.stream().noneMatch(o -> Words.nearDuplicate(o, s.text()))) {
				others.add(s.text());
			}
			if (others.size() == 3) {
				break;
			}
		}
		if (others.size() < 2) {
			return Optional.empty();
		}
		String prompt = wording.say("whatMeans", wording.quote(term));
		return Optional.of(candidate(SINGLE, prompt, answer, others, explain(definition.sentence().citation()),
				definition.sentence().citation(), weight + 0.4, definition.sentence().index()));
	}

	/** "Extension 5500 …", "billing@acme.example": a contact detail, not a meaning. */
	private static final Pattern CONTACT = Pattern.compile("(?i)^(?:extension|ext\\.|tel|phone|call|\\+?\\d).*");

	private static boolean contact(String text) {
		return CONTACT.matcher(text).matches() || text.contains("@")
				|| Words.count(text) < 3;
	}

	private boolean sameList(Sentence one, Sentence other) {
		return allLists.stream().anyMatch(g -> g.items().contains(one.block()) && g.items().contains(other.block()));
	}

	private Optional<Candidate> ordering(ListGroup group) {
		List<String> steps = group.items().stream().map(Block::text).toList();
		if (steps.size() < 3 || steps.size() > 7 || steps.stream().anyMatch(s -> s.length() > MAX_OPTION)
				|| steps.stream().map(Words::lower).distinct().count() < steps.size()) {
			return Optional.empty();
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			order.add(i);
		}
		// a fixed shuffle that never leaves the steps in their right order
		Collections.shuffle(order, new Random(group.heading().hashCode() * 31L + steps.hashCode()));
		if (isIdentity(order)) {
			Collections.swap(order, 0, order.size() - 1);
		}
		List<String> options = order.stream().map(steps::get).toList();
		List<Integer> correct = new ArrayList<>();
		for (int step = 0; step < steps.size(); step++) {
			correct.add(order.indexOf(step));
		}
		String prompt = wording.say("putInOrder", wording.quote(group.heading()));
		Citation citation = group.citation();
		DraftQuestion question = new DraftQuestion(id(prompt), ORDERING, prompt, options, correct,
				wording.say("stepsInOrder", citation.locator(), citation.source()), citation);
		return Optional.of(new Candidate(question, 0.9, ORDERING, group.items().get(0).start()));
	}

	/**
	 * Which items belong under a heading: the right ones from its list, the wrong ones items of other lists that
	 * read like them (close in meaning, similar length), never one that says the same as a right one.
	 */
	private Optional<Candidate> multiple(ListGroup group, List<ListGroup> sameModule) {
		List<String> items = new ArrayList<>();
		for (Block item : group.items()) {
			String text = option(item.text());
			if (text != null && items.stream().noneMatch(i -> Words.nearDuplicate(i, text))) {
				items.add(text);
			}
		}
		if (items.size() < 3 || StemChecks.markup(group.heading())) {
			return Optional.empty();
		}
		Citation citation = group.citation();
		double rightWords = items.stream().mapToInt(i -> Words.count(i)).average().orElse(5);
		float[] centre = centroid(group.items().stream().map(Block::text).toList());
		record Scored(String text, double score) {
		}
		List<Scored> ranked = new ArrayList<>();
		for (ListGroup other : allLists) {
			if (other == group || sameModule.contains(other)) {
				continue;
			}
			for (Block item : other.items()) {
				String text = option(item.text());
				if (text == null) {
					continue;
				}
				float[] vector = statements.vector(item.text());
				double similarity = centre == null || vector == null ? 0.2 : Embedder.cosine(centre, vector);
				double lengthGap = Math.abs(Math.log((Words.count(text) + 1) / (rightWords + 1)));
				if (lengthGap > Math.log(2.5) || Words.containsTerm(citation.text(), text)) {
					// a sentence among short items (or the reverse) gives itself away
					continue;
				}
				ranked.add(new Scored(text, (similarity > 0.85 ? -1 : similarity) - 0.15 * lengthGap));
			}
		}
		ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::text));
		List<String> wrong = new ArrayList<>();
		for (Scored s : ranked) {
			if (wrong.stream().noneMatch(w -> Words.nearDuplicate(w, s.text()))
					&& items.stream().noneMatch(i -> Words.nearDuplicate(i, s.text()))) {
				wrong.add(s.text());
			}
			if (wrong.size() == 2) {
				break;
			}
		}
		if (wrong.isEmpty()) {
			return Optional.empty();
		}
		List<String> right = items.subList(0, Math.min(3, items.size()));
		List<String> options = new ArrayList<>();
		List<Integer> correct = new ArrayList<>();
		int turn = Math.floorMod(group.heading().hashCode(), 2);
		int r = 0;
		int w = 0;
		while (r < right.size() || w < wrong.size()) {
			boolean takeRight = w >= wrong.size() || r < right.size() && (options.size() + turn) % 2 == 0;
			if (takeRight) {
				correct.add(options.size());
				options.add(right.get(r++));
			}
			else {
				options.add(wrong.get(w++));
			}
		}
		String prompt = wording.say("whichBelong", wording.quote(group.heading())) + " " + wording.label("chooseAll");
		DraftQuestion question = new DraftQuestion(id(prompt), MULTIPLE, prompt, options, correct,
				wording.say("listedUnder", wording.quote(group.heading()), citation.locator(), citation.source()), citation);
		return Optional.of(new Candidate(question, 0.7, MULTIPLE, group.items().get(0).start()));
	}

	/** A list item as an option: without the comma, semicolon or "and" that joined it to the next one. */
	private static final Pattern JOINER = Pattern.compile("(?i)[,;]?\\s*(?:\\band|\\bor)?\\s*[,;]?$");

	private final Map<String, String> options = new ConcurrentHashMap<>();

	/** The item as an option, or null when it is markup or too long. */
	private String option(String item) {
		String text = options.computeIfAbsent(item, i -> {
			String o = JOINER.matcher(i.strip()).replaceFirst("").strip();
			return o.length() > MAX_OPTION || StemChecks.markup(o) ? "" : o;
		});
		return text.isEmpty() ? null : text;
	}

	private float[] centroid(List<String> texts) {
		float[] sum = null;
		for (String text : texts) {
			float[] vector = statements.vector(text);
			if (vector == null) {
				continue;
			}
			if (sum == null) {
				sum = new float[vector.length];
			}
			for (int i = 0; i < vector.length; i++) {
				sum[i] += vector[i];
			}
		}
		if (sum == null) {
			return null;
		}
		double norm = 0;
		for (float v : sum) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		for (int i = 0; i < sum.length; i++) {
			sum[i] = (float) (sum[i] / norm);
		}
		return sum;
	}

	/**
	 * Amounts of the same kind from the document: the same unit first, then the same kind within a factor of 20
	 * ("30 minutes" and "4 hours", not "30 minutes" and "5 working days"), nearest in size first; never the same
	 * amount, never one another sentence states about the same thing.
	 */
	private List<String> numberDistractors(Sentence sentence, Quantities.Quantity answer, int wanted) {
		String unit = unitWord(answer.text());
		List<Quantities.Quantity> pool = new ArrayList<>(quantities.stream()
			.filter(q -> q.kind() == answer.kind() && q.base() != answer.base())
			.toList());
		Predicate<Quantities.Quantity> near = q -> unitWord(q.text()).equals(unit)
				|| answer.base() > 0 && q.base() > 0 && Math.abs(Math.log(q.base() / answer.base())) <= Math.log(20);
		if (pool.stream().filter(near).map(q -> q.base()).distinct().count() > wanted) {
			pool.removeIf(near.negate());
		}
		pool.sort(Comparator.comparing((Quantities.Quantity q) -> !unitWord(q.text()).equals(unit))
			.thenComparingDouble(q -> Math.abs(Math.log1p(q.value()) - Math.log1p(answer.value())))
			.thenComparing(Quantities.Quantity::text));
		List<String> chosen = new ArrayList<>();
		for (Quantities.Quantity q : pool) {
			String text = q.text();
			if (!Words.containsTerm(sentence.text(), text) && chosen.stream().noneMatch(c -> Words.lower(c).equals(Words.lower(text)))
					&& !Words.lower(text).equals(Words.lower(answer.text()))
					&& chosen.stream().noneMatch(c -> Quantities.in(c).get(0).base() == q.base())
					&& !statements.trueElsewhere(sentence, answer.text(), text)) {
				chosen.add(text);
			}
			if (chosen.size() == wanted) {
				break;
			}
		}
		return chosen;
	}

	/**
	 * Terms of the same kind as the answer (a role for a role, a system for a system; otherwise the same head noun
	 * or close in meaning), ranked by the embedding model: similar enough to be plausible, not so similar they mean
	 * the same. Never a plural or near-duplicate of the answer, never one that would make another true statement.
	 */
	private List<String> termDistractors(Sentence sentence, KeyPhrases.Term answer, int wanted) {
		Integer a = termIndex.get(Words.lower(answer.text()));
		KeyPhrases.Kind kind = KeyPhrases.kindOf(answer.text());
		String head = KeyPhrases.head(answer.text());
		boolean english = StemChecks.english(sentence.text());
		record Scored(String text, double score) {
		}
		List<Scored> scored = new ArrayList<>();
		int answerWords = Words.count(answer.text());
		for (int i = 0; i < terms.size(); i++) {
			if (!answerable[i]) {
				continue;
			}
			String text = terms.get(i).text();
			double similarity = a == null ? 0 : Embedder.cosine(termVectors[a], termVectors[i]);
			// the cheap tests first: this runs for every sentence and every term
			boolean sameKind = !english || switch (kind) {
				case OTHER -> kinds[i] == kind && (KeyPhrases.head(text).equals(head) || similarity >= 0.45);
				case NAME -> kinds[i] == kind && similarity >= 0.3 && properName(text);
				default -> kinds[i] == kind;
			};
			if (!sameKind || similarity > 0.9 || Words.containsTerm(sentence.text(), text) || Words.nearDuplicate(text, answer.text())) {
				continue;
			}
			int words = Words.count(text);
			scored.add(new Scored(text, similarity - 0.08 * Math.abs(words - answerWords)));
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::text));
		List<String> chosen = new ArrayList<>();
		for (Scored s : scored) {
			if (chosen.stream().noneMatch(c -> Words.nearDuplicate(c, s.text()))
					&& !statements.trueElsewhere(sentence, answer.text(), s.text())) {
				chosen.add(matchCase(s.text(), answer.text()));
			}
			if (chosen.size() == wanted) {
				break;
			}
		}
		return chosen;
	}

	private Candidate candidate(String kind, String prompt, String answer, List<String> distractors, String explanation,
			Citation citation, double score, int position) {
		List<String> options = new ArrayList<>(distractors);
		int at = Math.floorMod(prompt.hashCode(), options.size() + 1);
		options.add(at, answer);
		DraftQuestion question = new DraftQuestion(id(prompt), kind, prompt, options, List.of(at), explanation, citation);
		return new Candidate(question, score, kind, position);
	}

	/** Asks the questions in the language of {@code newWording}. */
	QuestionMaker in(Wording newWording) {
		this.wording = newWording;
		return this;
	}

	private boolean english() {
		return wording.language() == DocumentLanguage.Language.ENGLISH;
	}

	/** The explanation of a question on {@code citation}, in the draft's language. */
	private String explain(Citation citation) {
		return wording.say("sourceSays", citation.locator(), citation.source(), wording.quote(citation.text()));
	}

	static String explanation(Citation citation) {
		return "The source says (" + citation.locator() + " of " + citation.source() + "): “" + citation.text() + "”";
	}

	static String id(String prompt) {
		return "q-" + Integer.toHexString(prompt.hashCode());
	}

	private static final Pattern AMOUNT = Pattern.compile("[\\d.,\\s\\u202f]");

	private static final Map<String, String> UNITS = new ConcurrentHashMap<>();

	private static String unitWord(String quantity) {
		if (UNITS.size() > 10_000) {
			UNITS.clear();
		}
		return UNITS.computeIfAbsent(quantity, q -> Words.lower(AMOUNT.matcher(q).replaceAll("")));
	}

	/** Every occurrence goes, so that the prompt never shows the answer. */
	private static String blank(String sentence, String answer) {
		String result = sentence;
		for (int at = Words.indexOfTerm(result, answer); at >= 0; at = Words.indexOfTerm(result, answer)) {
			result = result.substring(0, at) + "_____" + result.substring(at + answer.length());
		}
		return result;
	}

	private static String surface(String sentence, String term) {
		int at = Words.indexOfTerm(sentence, term);
		return at < 0 ? term : sentence.substring(at, at + term.length());
	}

	private static String matchCase(String text, String like) {
		if (!like.isEmpty() && Character.isLowerCase(like.codePointAt(0)) && text.length() > 1
				&& Character.isUpperCase(text.codePointAt(0)) && text.substring(1).codePoints().noneMatch(Character::isUpperCase)) {
			return Words.lower(text.substring(0, 1)) + text.substring(1);
		}
		return text;
	}

	private static String trim(String text) {
		return text.length() > MAX_OPTION ? text.substring(0, MAX_OPTION - 1).strip() + "…" : text;
	}

	static boolean isIdentity(List<Integer> order) {
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i) != i) {
				return false;
			}
		}
		return true;
	}

}
