package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	QuestionMaker(List<KeyPhrases.Term> terms, float[][] termVectors, List<Quantities.Quantity> quantities,
			List<Definitions.Definition> definitions, List<ListGroup> allLists, List<Sentence> document) {
		this.terms = terms;
		this.termVectors = termVectors;
		for (int i = 0; i < terms.size(); i++) {
			termIndex.put(Words.lower(terms.get(i).text()), i);
		}
		this.quantities = quantities;
		this.definitions = definitions;
		this.allLists = allLists;
		this.structured = new StructuredQuestions(definitions, allLists, quantities, document);
	}

	List<Candidate> candidates(List<Sentence> sentences, double[] centrality, List<ListGroup> lists) {
		List<Candidate> candidates = new ArrayList<>();
		for (Sentence sentence : sentences) {
			if (sentence.words() < 5 || sentence.words() > 60 || sentence.text().endsWith("?")
					|| sentence.block().is(Block.Kind.TABLE_ROW)) {
				continue;
			}
			double weight = centrality[sentence.index()];
			List<Quantities.Quantity> found = Quantities.in(sentence.text());
			if (!found.isEmpty()) {
				numeric(sentence, found.get(0), weight).ifPresent(candidates::add);
				trueFalse(sentence, found.get(0), weight).ifPresent(candidates::add);
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
		List<Candidate> structuredCandidates = structured.candidates(sentences, centrality, lists);
		candidates.removeIf(structured::supersedes);
		candidates.addAll(structuredCandidates);
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::position));
		return candidates;
	}

	private java.util.Optional<Candidate> numeric(Sentence sentence, Quantities.Quantity answer, double weight) {
		if (partOfRange(sentence.text(), answer)) {
			return java.util.Optional.empty();
		}
		List<String> distractors = numberDistractors(sentence, answer, 3);
		if (distractors.size() < 2) {
			return java.util.Optional.empty();
		}
		String blanked = sentence.text().substring(0, answer.start()) + "_____" + sentence.text().substring(answer.end());
		String prompt = "Fill in the blank: “" + blanked + "”";
		return java.util.Optional.of(candidate(SINGLE, prompt, answer.text(), distractors,
				explanation(sentence.citation()), sentence.citation(), weight + 0.3, sentence.index()));
	}

	/** "10 to 20 minutes": blanking one end of a range asks a riddle, not a fact. */
	private static boolean partOfRange(String text, Quantities.Quantity answer) {
		String before = text.substring(0, answer.start());
		String after = text.substring(answer.end());
		return before.matches("(?s).*\\d\\s*(to|-|–|and|or)\\s*$") || after.matches("(?s)^\\s*(to|-|–|or)\\s*\\d.*");
	}

	private java.util.Optional<Candidate> trueFalse(Sentence sentence, Quantities.Quantity answer, double weight) {
		if (partOfRange(sentence.text(), answer)) {
			return java.util.Optional.empty();
		}
		List<String> distractors = numberDistractors(sentence, answer, 1);
		boolean makeFalse = !distractors.isEmpty() && Math.floorMod(sentence.text().hashCode(), 2) == 0;
		String statement = makeFalse
				? sentence.text().substring(0, answer.start()) + distractors.get(0) + sentence.text().substring(answer.end())
				: sentence.text();
		String prompt = "True or false: “" + statement + "”";
		String why = makeFalse ? "False. The source says " + answer.text() + ", not " + distractors.get(0) + ": “"
				+ sentence.text() + "” (" + sentence.citation().locator() + ")" : explanation(sentence.citation());
		DraftQuestion question = new DraftQuestion(id(prompt), TRUE_FALSE, prompt, List.of("True", "False"),
				List.of(makeFalse ? 1 : 0), why, sentence.citation());
		return java.util.Optional.of(new Candidate(question, weight, TRUE_FALSE, sentence.index()));
	}

	private java.util.Optional<Candidate> cloze(Sentence sentence, double weight) {
		KeyPhrases.Term best = null;
		if (sentence.block().is(Block.Kind.LIST_ITEM) && (sentence.words() < 8 || !sentence.text().matches(".*[.!]$"))) {
			return java.util.Optional.empty();
		}
		for (KeyPhrases.Term term : terms) {
			if (term.answerable() && Words.containsTerm(sentence.text(), term.text())
					&& !sentence.text().strip().equalsIgnoreCase(term.text())
					&& (best == null || term.score() > best.score())) {
				best = term;
			}
		}
		if (best == null) {
			return java.util.Optional.empty();
		}
		String answer = surface(sentence.text(), best.text());
		List<String> distractors = termDistractors(sentence.text(), best, 3);
		if (distractors.size() < 2) {
			return java.util.Optional.empty();
		}
		String prompt = "Fill in the blank: “" + blank(sentence.text(), answer) + "”";
		return java.util.Optional.of(candidate(SINGLE, prompt, answer, distractors, explanation(sentence.citation()),
				sentence.citation(), weight + Math.min(0.3, best.score() / 100), sentence.index()));
	}

	private java.util.Optional<Candidate> definition(Definitions.Definition definition, double weight) {
		if (definition.definition().length() > MAX_OPTION) {
			return java.util.Optional.empty();
		}
		String answer = definition.definition();
		List<String> others = new ArrayList<>();
		for (Definitions.Definition other : definitions) {
			String text = trim(other.definition());
			if (other != definition && !Words.sameMeaning(text, answer)
					&& !Words.containsTerm(definition.sentence().text(), text) && others.stream().noneMatch(o -> Words.sameMeaning(o, text))) {
				others.add(text);
			}
			if (others.size() == 3) {
				break;
			}
		}
		if (others.size() < 2 || answer.length() > MAX_OPTION) {
			return java.util.Optional.empty();
		}
		String prompt = "What does “" + definition.term() + "” mean?";
		return java.util.Optional.of(candidate(SINGLE, prompt, answer, others, explanation(definition.sentence().citation()),
				definition.sentence().citation(), weight + 0.4, definition.sentence().index()));
	}

	private java.util.Optional<Candidate> ordering(ListGroup group) {
		List<String> steps = group.items().stream().map(Block::text).toList();
		if (steps.size() < 3 || steps.size() > 7 || steps.stream().anyMatch(s -> s.length() > MAX_OPTION)
				|| steps.stream().map(Words::lower).distinct().count() < steps.size()) {
			return java.util.Optional.empty();
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			order.add(i);
		}
		// a fixed shuffle that never leaves the steps in their right order
		java.util.Collections.shuffle(order, new java.util.Random(group.heading().hashCode() * 31L + steps.hashCode()));
		if (isIdentity(order)) {
			java.util.Collections.swap(order, 0, order.size() - 1);
		}
		List<String> options = order.stream().map(steps::get).toList();
		List<Integer> correct = new ArrayList<>();
		for (int step = 0; step < steps.size(); step++) {
			correct.add(order.indexOf(step));
		}
		String prompt = "Put the steps for “" + group.heading() + "” in the right order.";
		Citation citation = group.citation();
		DraftQuestion question = new DraftQuestion(id(prompt), ORDERING, prompt, options, correct,
				"The steps in order, from " + citation.locator() + " of " + citation.source() + ".", citation);
		return java.util.Optional.of(new Candidate(question, 0.9, ORDERING, group.items().get(0).start()));
	}

	private java.util.Optional<Candidate> multiple(ListGroup group, List<ListGroup> sameModule) {
		List<String> items = new ArrayList<>();
		for (Block item : group.items()) {
			if (item.text().length() <= MAX_OPTION && items.stream().noneMatch(i -> Words.sameMeaning(i, item.text()))) {
				items.add(item.text());
			}
		}
		if (items.size() < 3) {
			return java.util.Optional.empty();
		}
		Citation citation = group.citation();
		List<String> wrong = new ArrayList<>();
		for (ListGroup other : allLists) {
			if (other == group || sameModule.contains(other)) {
				continue;
			}
			for (Block item : other.items()) {
				String text = item.text();
				if (text.length() <= MAX_OPTION && !Words.containsTerm(citation.text(), text)
						&& items.stream().noneMatch(i -> Words.sameMeaning(i, text)) && wrong.stream().noneMatch(w -> Words.sameMeaning(w, text))) {
					wrong.add(text);
					break;
				}
			}
			if (wrong.size() == 2) {
				break;
			}
		}
		if (wrong.isEmpty()) {
			return java.util.Optional.empty();
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
		String prompt = "Which of these belong to “" + group.heading() + "”? Choose all that apply.";
		DraftQuestion question = new DraftQuestion(id(prompt), MULTIPLE, prompt, options, correct,
				"These are listed under “" + group.heading() + "” (" + citation.locator() + " of " + citation.source()
						+ "); the others come from other parts of the source.",
				citation);
		return java.util.Optional.of(new Candidate(question, 0.7, MULTIPLE, group.items().get(0).start()));
	}

	private List<String> numberDistractors(Sentence sentence, Quantities.Quantity answer, int wanted) {
		String unit = unitWord(answer.text());
		List<Quantities.Quantity> pool = new ArrayList<>(quantities.stream()
			.filter(q -> q.kind() == answer.kind() && q.base() != answer.base())
			.toList());
		pool.sort(Comparator.comparing((Quantities.Quantity q) -> !unitWord(q.text()).equals(unit))
			.thenComparingDouble(q -> Math.abs(Math.log1p(q.value()) - Math.log1p(answer.value())))
			.thenComparing(Quantities.Quantity::text));
		List<String> chosen = new ArrayList<>();
		for (Quantities.Quantity q : pool) {
			String text = q.text();
			if (!Words.containsTerm(sentence.text(), text) && chosen.stream().noneMatch(c -> Words.lower(c).equals(Words.lower(text)))
					&& !Words.lower(text).equals(Words.lower(answer.text()))
					&& chosen.stream().noneMatch(c -> Quantities.in(c).get(0).base() == q.base())) {
				chosen.add(text);
			}
			if (chosen.size() == wanted) {
				break;
			}
		}
		return chosen;
	}

	private List<String> termDistractors(String sentence, KeyPhrases.Term answer, int wanted) {
		Integer a = termIndex.get(Words.lower(answer.text()));
		record Scored(String text, double score) {
		}
		List<Scored> scored = new ArrayList<>();
		int answerWords = answer.text().split("\\s+").length;
		for (int i = 0; i < terms.size(); i++) {
			String text = terms.get(i).text();
			if (!terms.get(i).answerable() || Words.sameMeaning(text, answer.text()) || Words.containsTerm(sentence, text)) {
				continue;
			}
			double similarity = a == null ? 0 : Embedder.cosine(termVectors[a], termVectors[i]);
			if (similarity > 0.9) {
				continue;
			}
			int words = text.split("\\s+").length;
			scored.add(new Scored(text, similarity - 0.08 * Math.abs(words - answerWords)));
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::text));
		List<String> chosen = new ArrayList<>();
		for (Scored s : scored) {
			if (chosen.stream().noneMatch(c -> Words.sameMeaning(c, s.text()))) {
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

	static String explanation(Citation citation) {
		return "The source says (" + citation.locator() + " of " + citation.source() + "): “" + citation.text() + "”";
	}

	static String id(String prompt) {
		return "q-" + Integer.toHexString(prompt.hashCode());
	}

	private static String unitWord(String quantity) {
		return Words.lower(quantity.replaceAll("[\\d.,\\s\\u202f]", ""));
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
