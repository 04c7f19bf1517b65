package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;

/**
 * Definitions become one matching question: three to five terms of one module with their meanings, cited as the
 * passage from the first definition to the last. A meaning too long to read as an option is cut at a clause
 * boundary ("; usually …") or left out, never cut mid-clause.
 */
final class TermMatching {

	static final int MAX_MEANING = 130;

	static final int MIN_TERMS = 3;

	/** Definitions further apart than this many sentences are not one passage. */
	static final int MAX_GAP = 2;

	static final int MAX_TERMS = 5;

	private final List<Definitions.Definition> definitions;

	private final Map<QuestionMaker.Candidate, List<Definitions.Definition>> covered = Collections
		.synchronizedMap(new IdentityHashMap<>());

	TermMatching(List<Definitions.Definition> definitions) {
		this.definitions = definitions;
	}

	List<QuestionMaker.Candidate> candidates(List<Sentence> sentences, double[] centrality) {
		List<Definitions.Definition> own = new ArrayList<>();
		List<Definitions.Definition> withGlossaries = new ArrayList<>(definitions);
		withGlossaries.addAll(glossaryRows(sentences));
		for (Definitions.Definition definition : withGlossaries) {
			String firstWord = Words.lower(definition.term().split("\\s+")[0]);
			if (sentences.contains(definition.sentence()) && meaning(definition) != null
					&& !Rules.IMPERATIVES.contains(firstWord) && !Words.VERBS.contains(firstWord)
					&& own.stream().noneMatch(d -> Words.sameMeaning(meaning(d), meaning(definition))
							|| Words.sameMeaning(d.term(), definition.term()))) {
				own.add(definition);
			}
		}
		own.sort(Comparator.comparingInt(d -> d.sentence().index()));
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		if (own.size() < MIN_TERMS) {
			return found;
		}
		// runs of definitions next to each other (a glossary, a definitions section), cut into groups of three to five
		List<List<Definitions.Definition>> runs = new ArrayList<>();
		Definitions.Definition previous = null;
		for (Definitions.Definition definition : own) {
			if (previous == null || previous.sentence().source() != definition.sentence().source()
					|| definition.sentence().index() - previous.sentence().index() > MAX_GAP) {
				runs.add(new ArrayList<>());
			}
			runs.get(runs.size() - 1).add(definition);
			previous = definition;
		}
		Map<String, Integer> sets = new HashMap<>();
		for (List<Definitions.Definition> run : runs) {
			if (run.size() < MIN_TERMS) {
				continue;
			}
			int count = (run.size() + MAX_TERMS - 1) / MAX_TERMS;
			for (int g = 0; g < count; g++) {
				List<Definitions.Definition> terms = run.subList(g * run.size() / count, (g + 1) * run.size() / count);
				Sentence first = terms.get(0).sentence();
				String heading = StructuredQuestions.headingBefore(first.source(), first.start());
				int set = sets.merge(String.valueOf(heading), 1, Integer::sum);
				found.add(matching(terms, sentences, centrality, heading, set));
			}
		}
		return found;
	}

	/** Rows of a two-column table headed "Term | Definition" (or "Acronym | Meaning"): one definition each. */
	static List<Definitions.Definition> glossaryRows(List<Sentence> sentences) {
		List<Definitions.Definition> rows = new ArrayList<>();
		for (Sentence sentence : sentences) {
			Block row = sentence.block();
			if (!row.is(Block.Kind.TABLE_ROW) || row.level() == 1 || row.cells().size() != 2) {
				continue;
			}
			Block header = headerOf(sentence.source(), row);
			if (header == null || header.cells().size() != 2
					|| !Words.lower(header.cells().get(0)).matches("\\s*(?:term|word|acronym|abbreviation|name)s?\\s*")
					|| !Words.lower(header.cells().get(1)).matches("\\s*(?:definition|meaning|description|explanation|stands for)s?\\s*")) {
				continue;
			}
			String term = row.cells().get(0).strip();
			String meaning = StructuredQuestions.stripEnd(row.cells().get(1));
			if (!term.isEmpty() && meaning.length() >= 8 && sentence.text().contains(term) && sentence.text().contains(meaning)) {
				rows.add(new Definitions.Definition(term, Words.capitalize(meaning), sentence));
			}
		}
		return rows;
	}

	private static Block headerOf(ExtractedSource source, Block row) {
		int at = source.blocks().indexOf(row);
		while (at > 0 && source.blocks().get(at - 1).is(Block.Kind.TABLE_ROW)) {
			at--;
		}
		Block first = source.blocks().get(at);
		return first.level() == 1 ? first : null;
	}

	List<Definitions.Definition> covered(QuestionMaker.Candidate candidate) {
		return covered.getOrDefault(candidate, List.of());
	}

	private QuestionMaker.Candidate matching(List<Definitions.Definition> terms, List<Sentence> sentences,
			double[] centrality, String heading, int set) {
		Sentence first = terms.get(0).sentence();
		Sentence last = terms.get(terms.size() - 1).sentence();
		Citation citation = StructuredQuestions.span(first.source(),
				Transcripts.locator(first.source(), first.block(), first.start(), last.end()), first.start(), last.end());
		List<String> items = terms.stream().map(Definitions.Definition::term).toList();
		List<String> meanings = terms.stream().map(TermMatching::meaning).toList();
		List<Integer> order = StructuredQuestions.shuffled(meanings.size(), items.hashCode());
		List<String> matches = order.stream().map(meanings::get).toList();
		List<Integer> correct = new ArrayList<>();
		for (int item = 0; item < items.size(); item++) {
			correct.add(order.indexOf(item));
		}
		String prompt = Phrasing.matchTerms(heading, set);
		double importance = StructuredQuestions.importance(sentences, centrality, citation.start(), citation.end());
		var question = new DraftQuestion(QuestionMaker.id(prompt), StructuredQuestions.MATCHING, prompt,
				items, correct, Phrasing.quoted(citation.locator(), citation.source(), citation.text()), citation, matches,
				null, null);
		double score = Math.min(1, 0.82 + 0.12 * importance + 0.02 * (terms.size() - MIN_TERMS));
		QuestionMaker.Candidate candidate = new QuestionMaker.Candidate(question.withScore(Math.round(score * 100) / 100.0),
				score, StructuredQuestions.MATCHING, first.start());
		covered.put(candidate, terms);
		return candidate;
	}

	/** The meaning as an option: whole, or up to a clause boundary; null when neither reads well. */
	static String meaning(Definitions.Definition definition) {
		String text = StructuredQuestions.stripEnd(definition.definition());
		long digits = text.chars().filter(Character::isDigit).count();
		if (digits * 7 > text.length() || text.contains("@")) {
			return null; // a phone number or an address, not a meaning
		}
		int sentenceEnd = text.indexOf(". ");
		if (sentenceEnd >= 0) {
			// the first sentence only, if it says enough alone
			if (sentenceEnd < 25) {
				return null;
			}
			text = text.substring(0, sentenceEnd);
		}
		if (text.length() <= MAX_MEANING) {
			return text;
		}
		for (String boundary : new String[] { "; ", " — ", " – ", ", which ", ", usually ", ", for example" }) {
			int at = text.indexOf(boundary);
			if (at >= 25 && at <= MAX_MEANING) {
				return StructuredQuestions.stripEnd(text.substring(0, at));
			}
		}
		return null;
	}
}
