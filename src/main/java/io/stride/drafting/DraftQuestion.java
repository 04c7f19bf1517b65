package io.stride.drafting;

import java.math.BigDecimal;
import java.util.List;

/**
 * A generated question. Kinds as in the course model: SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, ORDERING,
 * MATCHING and NUMERIC.
 * <ul>
 * <li>choice kinds: {@code correct} the indexes of the right options;</li>
 * <li>ORDERING: {@code correct} lists the option indexes in the right order;</li>
 * <li>MATCHING: {@code options} are the items, {@code matches} what they match, {@code correct[i]} the index in
 * {@code matches} of item i's match;</li>
 * <li>NUMERIC: {@code numeric} holds the value, tolerance and unit; no options.</li>
 * </ul>
 * {@code score} is the engine's judgement of the question from 0 to 1 (importance of the fact tested, whether the
 * cited passage alone answers it, plausibility of the distractors, grammar), shown to the author; null when the
 * engine did not score it; {@code scoreReason} says in words what the score rests on.
 */
public record DraftQuestion(String id, String kind, String prompt, List<String> options, List<Integer> correct,
		String explanation, Citation citation, List<String> matches, Numeric numeric, Double score, String scoreReason) {

	/** The value a numeric question expects, right within {@code tolerance}; {@code unit} may be null. */
	public record Numeric(BigDecimal value, BigDecimal tolerance, String unit) {
	}

	public DraftQuestion {
		options = List.copyOf(options);
		correct = List.copyOf(correct);
		matches = matches == null ? List.of() : List.copyOf(matches);
	}

	/** A question without a reason for its score. */
	public DraftQuestion(String id, String kind, String prompt, List<String> options, List<Integer> correct,
			String explanation, Citation citation, List<String> matches, Numeric numeric, Double score) {
		this(id, kind, prompt, options, correct, explanation, citation, matches, numeric, score, null);
	}

	/** A choice or ordering question, not scored. */
	public DraftQuestion(String id, String kind, String prompt, List<String> options, List<Integer> correct,
			String explanation, Citation citation) {
		this(id, kind, prompt, options, correct, explanation, citation, List.of(), null, null, null);
	}

	public DraftQuestion withScore(double newScore) {
		return new DraftQuestion(id, kind, prompt, options, correct, explanation, citation, matches, numeric, newScore, scoreReason);
	}

	public DraftQuestion withScore(double newScore, String reason) {
		return new DraftQuestion(id, kind, prompt, options, correct, explanation, citation, matches, numeric, newScore, reason);
	}
}
