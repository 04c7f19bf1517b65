package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;

/**
 * Judges a candidate question: rejects one whose stem or options are markup, whose source is a fragment or a list
 * lead-in, or whose blank is a word of the module's title; scores the rest from 0 to 1 on the importance of the
 * fact tested, whether the cited passage alone answers it, how plausible its wrong answers are (close in meaning
 * to the right one, but not the same), and its grammar; and says in words what the score rests on.
 */
final class QuestionScore {

	static final String BLANK = "_____";

	/** A candidate that passed, with its score, its reason, the text of its right answer and the sentences it cites. */
	record Judged(QuestionMaker.Candidate candidate, double score, String reason, String key, List<Sentence> cited) {

		DraftQuestion question() {
			return candidate.question().withScore(Math.round(score * 100) / 100.0, reason);
		}

		String prompt() {
			return candidate.question().prompt();
		}

		Citation citation() {
			return candidate.question().citation();
		}

		/** TRUE or FALSE for a true/false question, null otherwise. */
		Boolean keyedTrue() {
			DraftQuestion q = candidate.question();
			return QuestionMaker.TRUE_FALSE.equals(q.kind()) ? q.correct().equals(List.of(0)) : null;
		}
	}

	private final Importance importance;

	private final Map<String, float[]> vectors;

	QuestionScore(Importance importance, Map<String, float[]> vectors) {
		this.importance = importance;
		this.vectors = vectors;
	}

	Optional<Judged> judge(QuestionMaker.Candidate candidate, String title, List<Sentence> sentences) {
		DraftQuestion q = candidate.question();
		Citation citation = q.citation();
		if (citation == null) {
			return Optional.empty();
		}
		String prompt = q.prompt();
		String readable = prompt.replace(BLANK, "BLANK");
		if (StemChecks.markup(readable) || !StemChecks.balanced(readable) || q.options().stream().anyMatch(StemChecks::markup)
				|| q.matches().stream().anyMatch(StemChecks::markup)) {
			return Optional.empty();
		}
		List<Sentence> cited = new ArrayList<>();
		boolean spoken = false;
		for (Sentence s : sentences) {
			if (s.source().name().equals(citation.source()) && s.start() < citation.end() && s.end() > citation.start()) {
				cited.add(s);
				spoken |= s.block().spoken();
			}
		}
		if (spoken && (StemChecks.firstPerson(readable) || q.options().stream().anyMatch(StemChecks::firstPerson)
				|| q.matches().stream().anyMatch(StemChecks::firstPerson))) {
			// a speaker's "tell me", "we log it" cannot stand in a question the learner reads without the speaker
			return Optional.empty();
		}
		boolean oneSentence = cited.size() == 1;
		if (oneSentence && (StemChecks.leadIn(cited.get(0).text()) || StemChecks.markup(cited.get(0).text())
				|| StemChecks.leansOnContext(cited.get(0).text()) && !QuestionMaker.ORDERING.equals(q.kind()))) {
			return Optional.empty();
		}
		String key = key(q);
		boolean cloze = prompt.contains(BLANK);
		if (cloze && oneSentence && StemChecks.fragment(cited.get(0).text())) {
			return Optional.empty();
		}
		if (cloze && key != null && title != null && headingWord(key, title)) {
			return Optional.empty();
		}
		if (QuestionMaker.TRUE_FALSE.equals(q.kind())) {
			// "True or false: “…”", "Richtig oder falsch: „…“", "Vrai ou faux : « … »"
			String statement = prompt.replaceFirst("^[^“„«‘]*[“„«‘]\\s*", "").replaceFirst("\\s*[”“»’]$", "");
			if (StemChecks.fragment(statement)) {
				return Optional.empty();
			}
		}
		Sentence main = cited.stream().max(Comparator.comparingDouble(s -> importance.of(s, title))).orElse(null);
		double importanceScore = main == null ? 0.3 : importance.of(main, title);
		if (QuestionMaker.ORDERING.equals(q.kind())) {
			importanceScore = Math.min(1, importanceScore + 0.15);
		}
		double answerable = answerability(q, cited);
		double plausible = plausibility(q);
		double grammar = grammar(q, cloze);
		double score = 0.35 * importanceScore + 0.2 * answerable + 0.25 * plausible + 0.2 * grammar;
		String reason = reason(q, main, answerable, plausible, cloze);
		return Optional.of(new Judged(candidate, Math.max(0, Math.min(1, score)), reason, key, List.copyOf(cited)));
	}

	/** The right answer's text for a single-answer question; null for other kinds. */
	static String key(DraftQuestion q) {
		if (QuestionMaker.SINGLE.equals(q.kind()) && q.correct().size() == 1 && !q.options().isEmpty()) {
			return q.options().get(q.correct().get(0)).strip();
		}
		if (q.numeric() != null) {
			return q.numeric().value().stripTrailingZeros().toPlainString() + (q.numeric().unit() == null ? "" : " " + q.numeric().unit());
		}
		return null;
	}

	/** The blank is a word of the heading the learner reads above it. */
	private static boolean headingWord(String key, String title) {
		Set<String> heading = Words.stems(title);
		Set<String> answer = Words.stems(key);
		return Words.containsTerm(title, key) || !answer.isEmpty() && heading.containsAll(answer);
	}

	private static double answerability(DraftQuestion q, List<Sentence> cited) {
		String text = q.citation().text().toLowerCase(Locale.ROOT);
		double value = 0.9;
		if (QuestionMaker.SINGLE.equals(q.kind()) || QuestionMaker.MULTIPLE.equals(q.kind())) {
			boolean inPassage = q.correct().stream().allMatch(i -> text.contains(q.options().get(i).toLowerCase(Locale.ROOT)));
			value = inPassage ? 1 : 0.3;
		}
		if (cited.size() == 1 && StemChecks.leansOnContext(cited.get(0).text())) {
			value *= 0.5;
		}
		return value;
	}

	private double plausibility(DraftQuestion q) {
		switch (q.kind()) {
			case QuestionMaker.SINGLE -> {
				if (q.correct().size() != 1 || q.options().size() < 2) {
					return 0.5;
				}
				String key = q.options().get(q.correct().get(0));
				double sum = 0;
				int n = 0;
				for (int i = 0; i < q.options().size(); i++) {
					if (i != q.correct().get(0)) {
						sum += closeness(key, q.options().get(i));
						n++;
					}
				}
				return n == 0 ? 0.5 : sum / n;
			}
			case QuestionMaker.MULTIPLE -> {
				double sum = 0;
				int n = 0;
				for (int i = 0; i < q.options().size(); i++) {
					if (q.correct().contains(i)) {
						continue;
					}
					double best = 0;
					for (int right : q.correct()) {
						best = Math.max(best, closeness(q.options().get(right), q.options().get(i)));
					}
					sum += best;
					n++;
				}
				return n == 0 ? 0.5 : sum / n;
			}
			case QuestionMaker.TRUE_FALSE -> {
				return q.correct().equals(List.of(1)) ? 0.85 : 0.65;
			}
			default -> {
				return 0.75;
			}
		}
	}

	/**
	 * How good {@code wrong} is as a wrong answer next to {@code right}, 0..1: amounts of the same unit or kind;
	 * otherwise their similarity in meaning, best in a middle band (related, not the same).
	 */
	double closeness(String right, String wrong) {
		List<Quantities.Quantity> a = Quantities.in(right);
		List<Quantities.Quantity> b = Quantities.in(wrong);
		if (!a.isEmpty() && !b.isEmpty() && a.get(0).text().length() >= right.strip().length() - 1) {
			if (a.get(0).kind() != b.get(0).kind()) {
				return 0.2;
			}
			String ua = Rephrase.units(a.get(0).text());
			String ub = Rephrase.units(b.get(0).text());
			return ua.equals(ub) ? 0.95 : 0.7;
		}
		float[] x = vectors.get(Words.lower(right.strip()));
		float[] y = vectors.get(Words.lower(wrong.strip()));
		if (x == null || y == null) {
			return 0.5;
		}
		double cos = Embedder.cosine(x, y);
		if (cos > 0.9) {
			return 0.1;
		}
		if (cos > 0.85) {
			return 0.5;
		}
		return cos >= 0.3 ? 1 : Math.max(0, 0.4 + 2 * cos);
	}

	private static double grammar(DraftQuestion q, boolean cloze) {
		double value;
		if (cloze) {
			value = 0.6;
		}
		else if (QuestionMaker.TRUE_FALSE.equals(q.kind())) {
			value = 0.85;
		}
		else {
			value = q.prompt().strip().endsWith("?") || q.prompt().strip().endsWith(".") ? 1 : 0.7;
		}
		if (q.prompt().length() > 250) {
			value -= 0.2;
		}
		return value;
	}

	private String reason(DraftQuestion q, Sentence main, double answerable, double plausible, boolean cloze) {
		List<String> parts = new ArrayList<>();
		String fact = main == null ? "a passage" : importance.kindInWords(main);
		if (QuestionMaker.ORDERING.equals(q.kind())) {
			fact = "a procedure";
		}
		parts.add("tests " + fact);
		parts.add(answerable >= 0.8 ? "answerable from its passage" : answerable >= 0.5 ? "mostly answerable from its passage"
				: "needs the text around its passage");
		if (QuestionMaker.TRUE_FALSE.equals(q.kind())) {
			parts.add(q.correct().equals(List.of(1)) ? "keyed false by changing the fact" : "keyed true");
		}
		else if (plausible >= 0.75) {
			parts.add("plausible wrong answers of the same kind");
		}
		else if (plausible < 0.5) {
			parts.add("wrong answers easy to rule out");
		}
		if (cloze) {
			parts.add("a fill-in-the-blank");
		}
		else if (q.prompt().strip().endsWith("?")) {
			parts.add("asked as a question");
		}
		return Words.capitalize(String.join("; ", parts)) + ".";
	}
}
