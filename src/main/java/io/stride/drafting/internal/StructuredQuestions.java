package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;

/**
 * Questions whose kind follows the structure of the text: a procedure becomes an ordering question, a list of
 * members of a category a multiple-select, several definitions one matching question, a rule with a condition a
 * scenario, a deadline a numeric question. Each generator cites the passage that alone answers its question and
 * produces nothing when it cannot word the question cleanly.
 */
final class StructuredQuestions {

	/** Candidate kinds of the scenario questions (single choice, kept apart from clozes when kinds are varied). */
	static final String SCENARIO = "SCENARIO";

	static final String MATCHING = "MATCHING";

	static final String NUMERIC = "NUMERIC";

	private final TermMatching matching;

	private final Categories categories;

	private final Rules rules;

	private final DeadlineQuestions deadlines;

	/** Passages this generator turned into one structured question, so that a weaker question on them goes. */
	private final List<Citation> structuredRanges = new CopyOnWriteArrayList<>();

	/** Sentences asked about as a scenario or a numeric question: a blank on the same sentence adds nothing. */
	private final List<Citation> structuredSentences = new CopyOnWriteArrayList<>();

	private final List<Definitions.Definition> matchedDefinitions = new CopyOnWriteArrayList<>();

	StructuredQuestions(List<Definitions.Definition> definitions, List<QuestionMaker.ListGroup> allLists,
			List<Quantities.Quantity> quantities, List<Sentence> document) {
		this.matching = new TermMatching(definitions);
		this.categories = new Categories(allLists, document);
		this.rules = new Rules(document, quantities);
		this.deadlines = new DeadlineQuestions();
		this.document = document;
	}

	/** Every sentence of the sources. */
	private final List<Sentence> document;

	List<QuestionMaker.Candidate> candidates(List<Sentence> sentences, double[] centrality, List<QuestionMaker.ListGroup> lists) {
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		found.addAll(Procedures.find(sentences, centrality));
		found.addAll(Procedures.spoken(document.isEmpty() ? sentences : document, sentences, centrality));
		List<QuestionMaker.Candidate> matched = matching.candidates(sentences, centrality);
		found.addAll(matched);
		for (QuestionMaker.Candidate candidate : matched) {
			matchedDefinitions.addAll(matching.covered(candidate));
		}
		found.addAll(categories.candidates(lists, centrality));
		found.addAll(rules.candidates(sentences, centrality));
		found.addAll(deadlines.candidates(sentences, centrality));
		for (QuestionMaker.Candidate candidate : found) {
			if (candidate.kind().equals(SCENARIO) || candidate.kind().equals(NUMERIC)) {
				structuredSentences.add(candidate.question().citation());
			}
			else {
				structuredRanges.add(candidate.question().citation());
			}
		}
		return found;
	}

	/**
	 * Whether {@code other}, a question from the classic generators, asks again about a passage a structured
	 * question already covers: a single choice ("What does X mean?", a blank for the term) on a definition that is
	 * part of a matching question, a single choice (a blank) on a sentence that became a scenario or numeric
	 * question, or a list question on a list that became a category, matching or ordering question.
	 */
	boolean supersedes(QuestionMaker.Candidate other) {
		Citation c = other.question().citation();
		String kind = other.question().kind();
		if (kind.equals(QuestionMaker.SINGLE) && structuredSentences.stream()
			.anyMatch(s -> s.source().equals(c.source()) && s.start() == c.start() && s.end() == c.end())) {
			return true;
		}
		if (kind.equals(QuestionMaker.SINGLE)) {
			return matchedDefinitions.stream().anyMatch(d -> d.sentence().source().name().equals(c.source())
					&& d.sentence().start() == c.start() && d.sentence().end() == c.end());
		}
		if (kind.equals(QuestionMaker.MULTIPLE) || kind.equals(QuestionMaker.ORDERING)) {
			return structuredRanges.stream()
				.anyMatch(r -> r.source().equals(c.source()) && c.start() < r.end() && r.start() < c.end());
		}
		return false;
	}

	// helpers shared by the generators

	static QuestionMaker.Candidate candidate(String candidateKind, String kind, String prompt, List<String> options,
			List<Integer> correct, String explanation, Citation citation, double score, int position) {
		DraftQuestion question = new DraftQuestion(QuestionMaker.id(prompt), kind, prompt, options, correct, explanation,
				citation, List.of(), null, null).withScore(round(score));
		return new QuestionMaker.Candidate(question, round(score), candidateKind, position);
	}

	static QuestionMaker.Candidate singleChoice(String candidateKind, String prompt, String key, List<String> distractors,
			String explanation, Citation citation, double score, int position) {
		List<String> options = new ArrayList<>(distractors);
		int at = Math.floorMod(prompt.hashCode(), options.size() + 1);
		options.add(at, key);
		return candidate(candidateKind, QuestionMaker.SINGLE, prompt, options, List.of(at), explanation, citation, score, position);
	}

	/** The citation of the source text from {@code start} to {@code end}, located at {@code locator}. */
	static Citation span(ExtractedSource source, String locator, int start, int end) {
		return new Citation(source.name(), locator, start, end, source.text().substring(start, end));
	}

	/** A fixed shuffle of 0..size-1 that never leaves everything in place. */
	static List<Integer> shuffled(int size, long seed) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed));
		if (QuestionMaker.isIdentity(order)) {
			Collections.swap(order, 0, size - 1);
		}
		return order;
	}

	/** The heading a block sits under, or null. */
	static String headingBefore(ExtractedSource source, int offset) {
		String heading = null;
		for (Block block : source.blocks()) {
			if (block.start() >= offset) {
				break;
			}
			if (block.is(Block.Kind.HEADING)) {
				heading = block.text().strip();
			}
		}
		return heading;
	}

	/** How central the sentences in {@code [start, end)} are, 0 to 1 (the best of them). */
	static double importance(List<Sentence> sentences, double[] centrality, int start, int end) {
		double best = 0;
		for (Sentence sentence : sentences) {
			if (sentence.start() < end && start < sentence.end() && sentence.index() < centrality.length) {
				best = Math.max(best, centrality[sentence.index()]);
			}
		}
		return Math.min(1, Math.max(0, best));
	}

	/** Lower-cases the first letter of {@code phrase} unless its first word is a name in {@code text}. */
	static String lowerStart(String phrase, String text) {
		if (phrase.isBlank()) {
			return phrase;
		}
		String first = phrase.split("\\s+")[0];
		if (first.length() > 1 && first.substring(1).codePoints().anyMatch(Character::isUpperCase)) {
			return phrase;
		}
		Matcher midSentence = Pattern
			.compile("\\p{Ll}[,;]?[ \\t]+" + Pattern.quote(first) + "\\b").matcher(text);
		if (!Words.isStop(first) && midSentence.find()) {
			return phrase;
		}
		return Words.lower(phrase.substring(0, 1)) + phrase.substring(1);
	}

	static String stripEnd(String text) {
		return text.strip().replaceAll("[\\s.;:,!]+$", "");
	}

	private static double round(double score) {
		return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100.0;
	}
}
