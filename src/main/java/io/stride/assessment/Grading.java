package io.stride.assessment;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;
import io.stride.drafting.Similarity;
import org.springframework.stereotype.Service;

/**
 * Grades one answer to one question, for quizzes, knowledge checks and (later) spaced review alike.
 */
@Service
public class Grading {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final Similarity similarity;

	Grading(Similarity similarity) {
		this.similarity = similarity;
	}

	/** The credit {@code answer} earns; an answer to another question, or none, earns nothing. */
	public Grade grade(Question question, Answer answer) {
		if (answer == null || !question.id().equals(answer.questionId())) {
			return Grade.WRONG;
		}
		List<Integer> selected = answer.selected();
		return switch (question.kind()) {
			case SINGLE_CHOICE, TRUE_FALSE, ORDERING -> Grade.of(question.isAnsweredCorrectlyBy(selected));
			case MULTIPLE_CHOICE -> multiple(question, selected);
			case MATCHING -> matching(question, selected);
			case SHORT_ANSWER -> Grade.of(shortAnswer(question, answer.text()));
			case NUMERIC -> Grade.of(NumericAnswer.parse(answer.text(), question.numeric().unit())
				.map(question.numeric()::accepts)
				.orElse(false));
		};
	}

	/**
	 * Text as it is compared: accents and other marks dropped, lower case, punctuation removed (so "e-mail" is
	 * "email"), runs of spaces made one and none around: "  The  Café! " becomes "the cafe".
	 */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		plain = PUNCTUATION.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
		return SPACES.matcher(plain).replaceAll(" ").strip();
	}

	/**
	 * What short answers are compared by: the normalized text without its spaces, so that a hyphen removed
	 * ("data-protection") and a space ("data protection") make no difference either.
	 */
	static String key(String text) {
		return normalize(text).replace(" ", "");
	}

	/** Right picks minus wrong picks over the right options, never below 0; or all or nothing. */
	private static Grade multiple(Question question, List<Integer> selected) {
		Set<Integer> picks = new HashSet<>(selected);
		if (question.scoring() == Scoring.ALL_OR_NOTHING) {
			return Grade.of(question.isAnsweredCorrectlyBy(picks));
		}
		Set<Integer> right = Set.copyOf(question.correct());
		int hits = (int) picks.stream().filter(right::contains).count();
		int misses = picks.size() - hits;
		return new Grade(Math.max(0, hits - misses), right.size());
	}

	/** The share of items given their own match; or all or nothing. */
	private static Grade matching(Question question, List<Integer> selected) {
		int pairs = question.correct().size();
		int right = 0;
		for (int i = 0; i < pairs && i < selected.size(); i++) {
			if (selected.get(i).equals(question.correct().get(i))) {
				right++;
			}
		}
		return question.scoring() == Scoring.PARTIAL ? new Grade(right, pairs) : Grade.of(right == pairs);
	}

	private boolean shortAnswer(Question question, String text) {
		String given = key(text);
		if (given.isEmpty()) {
			return false;
		}
		if (question.accepted().stream().map(Grading::key).anyMatch(given::equals)) {
			return true;
		}
		return question.similarity() != null
				&& similarity.best(text.strip(), question.accepted()) >= question.similarity();
	}

	/** The answer as an xAPI interaction response (choice "0[,]2", matching "0[.]1[,]1[.]0", typed text). */
	static String response(Question question, Answer answer) {
		if (answer == null) {
			return "";
		}
		if (question.kind().typed()) {
			return answer.text() == null ? "" : answer.text();
		}
		if (question.kind() == QuestionKind.MATCHING) {
			StringBuilder pairs = new StringBuilder();
			for (int i = 0; i < answer.selected().size(); i++) {
				if (answer.selected().get(i) >= 0) {
					pairs.append(pairs.isEmpty() ? "" : "[,]").append(i).append("[.]").append(answer.selected().get(i));
				}
			}
			return pairs.toString();
		}
		return String.join("[,]", answer.selected().stream().map(String::valueOf).toList());
	}
}
