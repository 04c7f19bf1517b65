package io.stride.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A question with what makes an answer right. {@code id} is null for a question not saved yet.
 * <ul>
 * <li>single choice, multiple select, true/false: {@code options}, and {@code correct} the indexes of the right
 * ones; multiple select may give partial credit ({@code scoring});</li>
 * <li>ordering: {@code options} are the steps, {@code correct} their right order;</li>
 * <li>matching: {@code options} are the items, {@code matches} what they match (possibly with extra distractors,
 * kept in alphabetical order so their order gives nothing away), {@code correct[i]} the match of item i;</li>
 * <li>short answer: {@code accepted} alternatives, compared after normalizing case, spaces, punctuation and accents;
 * {@code similarity} (0.5 to 1) also accepts answers that mean the same, or null for text match only;</li>
 * <li>numeric: {@code numeric} holds the value, the tolerance and an optional unit.</li>
 * </ul>
 */
public record Question(String id, QuestionKind kind, String prompt, List<String> options, List<Integer> correct,
		String explanation, SourceNote source, Scoring scoring, List<String> accepted, Double similarity,
		NumericAnswer numeric, List<String> matches) {

	public Question(String id, QuestionKind kind, String prompt, List<String> options, List<Integer> correct,
			String explanation) {
		this(id, kind, prompt, options, correct, explanation, null);
	}

	public Question(String id, QuestionKind kind, String prompt, List<String> options, List<Integer> correct,
			String explanation, SourceNote source) {
		this(id, kind, prompt, options, correct, explanation, source, null, null, null, null, null);
	}

	public Question {
		// nulls from a sloppy client become values the rules can name ("Options cannot be empty")
		options = options == null ? List.of() : options.stream().map(o -> o == null ? "" : o).toList();
		List<Integer> given = correct == null ? List.of() : correct.stream().map(i -> i == null ? -1 : i).toList();
		matches = matches == null ? List.of() : matches.stream().map(m -> m == null ? "" : m.strip()).toList();
		accepted = accepted == null ? List.of()
				: accepted.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
		explanation = explanation == null ? "" : explanation;
		scoring = scoring == null || kind == null || !kind.allowsPartialCredit() ? Scoring.ALL_OR_NOTHING : scoring;
		if (kind != null && kind.typed()) {
			// typed answers have no options to pick from
			options = List.of();
			given = List.of();
		}
		if (kind == QuestionKind.MATCHING) {
			int[] byMatch = alphabetical(matches);
			if (byMatch != null && given.stream().allMatch(i -> i >= 0 && i < byMatch.length)) {
				matches = matches.stream().sorted(Comparator.comparing(Question::sortKey)).toList();
				given = given.stream().map(i -> byMatch[i]).toList();
			}
		}
		else {
			matches = List.of();
		}
		// an ordering or matching answer is a sequence; a choice question's is a set
		correct = kind != null && kind.sequenced() ? List.copyOf(given) : List.copyOf(new TreeSet<>(given));
		if (kind != QuestionKind.SHORT_ANSWER) {
			accepted = List.of();
			similarity = null;
		}
		if (kind != QuestionKind.NUMERIC) {
			numeric = null;
		}
		else if (numeric == null) {
			numeric = new NumericAnswer(null, BigDecimal.ZERO, null);
		}
	}

	/** A short-answer question; {@code similarity} null for text match only. */
	public static Question shortAnswer(String id, String prompt, List<String> accepted, Double similarity,
			String explanation) {
		return new Question(id, QuestionKind.SHORT_ANSWER, prompt, null, null, explanation, null, null, accepted,
				similarity, null, null);
	}

	/** A numeric question: right within {@code tolerance} of {@code value}. */
	public static Question numeric(String id, String prompt, BigDecimal value, BigDecimal tolerance, String unit,
			String explanation) {
		return new Question(id, QuestionKind.NUMERIC, prompt, null, null, explanation, null, null, null, null,
				new NumericAnswer(value, tolerance, unit), null);
	}

	/** A matching question from pairs: {@code items.get(i)} matches {@code matching.get(i)}. */
	public static Question matching(String id, String prompt, List<String> items, List<String> matching,
			Scoring scoring, String explanation) {
		List<Integer> pairs = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			pairs.add(i);
		}
		return new Question(id, QuestionKind.MATCHING, prompt, items, pairs, explanation, null, scoring, null, null,
				null, matching);
	}

	/** A multiple-select question with its scoring rule. */
	public static Question multipleSelect(String id, String prompt, List<String> options, List<Integer> correct,
			Scoring scoring, String explanation) {
		return new Question(id, QuestionKind.MULTIPLE_CHOICE, prompt, options, correct, explanation, null, scoring,
				null, null, null, null);
	}

	public Question withId(String newId) {
		return new Question(newId, kind, prompt, options, correct, explanation, source, scoring, accepted, similarity,
				numeric, matches);
	}

	public Question withSource(SourceNote newSource) {
		return new Question(id, kind, prompt, options, correct, explanation, newSource, scoring, accepted, similarity,
				numeric, matches);
	}

	/** The scoring rule in words, for learners; null where there is only one way to be right. */
	public String scoringRule() {
		return kind != null && kind.allowsPartialCredit() ? scoring.rule(kind) : null;
	}

	/** All or nothing: the selection must be exactly the set of correct options. */
	public boolean isAnsweredCorrectlyBy(Set<Integer> selected) {
		return selected != null && selected.equals(Set.copyOf(correct));
	}

	/** For ordering and matching the sequence must match; for the choice kinds the set of selected options. */
	public boolean isAnsweredCorrectlyBy(List<Integer> answer) {
		if (kind.sequenced()) {
			return answer != null && answer.equals(correct);
		}
		return answer != null && isAnsweredCorrectlyBy(Set.copyOf(answer));
	}

	/** For each match, its place in alphabetical order; null when two matches are alike (the rules say so). */
	private static int[] alphabetical(List<String> matches) {
		List<String> sorted = matches.stream().sorted(Comparator.comparing(Question::sortKey)).toList();
		if (sorted.stream().map(Question::sortKey).distinct().count() < sorted.size()) {
			return null;
		}
		int[] place = new int[matches.size()];
		for (int i = 0; i < matches.size(); i++) {
			place[i] = sorted.indexOf(matches.get(i));
		}
		return place;
	}

	private static String sortKey(String text) {
		return text.toLowerCase(Locale.ROOT) + "\u0000" + text;
	}
}
