package io.stride.assessment;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;

/**
 * What a learner sees after answering: the verdict with the credit earned, their answer, the right answer and the
 * explanation, each answer as lines of text ("Item → match" for matching, steps in order for ordering).
 * @param rule how the question is scored or matched, in words; null when there is nothing to say
 */
public record QuestionFeedback(String questionId, QuestionKind kind, String prompt, Verdict verdict, double credit,
		List<String> yourAnswer, List<String> rightAnswer, String explanation, String rule) {

	public static QuestionFeedback of(Question question, Answer answer, double credit) {
		return new QuestionFeedback(question.id(), question.kind(), question.prompt(), Verdict.of(credit),
				Math.round(credit * 1000) / 1000.0, given(question, answer), right(question), question.explanation(),
				rule(question));
	}

	/** The verdict and the learner's own answer only: the quiz does not show its answers yet. */
	public QuestionFeedback withoutAnswers() {
		return new QuestionFeedback(questionId, kind, prompt, verdict, credit, yourAnswer, List.of(), null, rule);
	}

	/** The credit as a whole percentage, for pages. */
	public int creditPercent() {
		return (int) Math.round(credit * 100);
	}

	private static List<String> given(Question q, Answer answer) {
		if (answer == null || answer.unanswered()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		switch (q.kind()) {
			case SHORT_ANSWER -> lines.add(answer.text());
			case NUMERIC -> lines.add(answer.text() + (q.numeric().unit() == null
					|| answer.text().strip().endsWith(q.numeric().unit()) ? "" : " " + q.numeric().unit()));
			case MATCHING -> {
				for (int i = 0; i < q.options().size(); i++) {
					int match = i < answer.selected().size() ? answer.selected().get(i) : -1;
					lines.add(q.options().get(i) + " → "
							+ (match >= 0 && match < q.matches().size() ? q.matches().get(match) : "(no match)"));
				}
			}
			case ORDERING -> answer.selected().stream().filter(i -> i >= 0 && i < q.options().size())
				.forEach(i -> lines.add(q.options().get(i)));
			default -> answer.selected().stream().filter(i -> i >= 0 && i < q.options().size()).sorted().distinct()
				.forEach(i -> lines.add(q.options().get(i)));
		}
		return lines;
	}

	private static List<String> right(Question q) {
		List<String> lines = new ArrayList<>();
		switch (q.kind()) {
			case SHORT_ANSWER -> lines.addAll(q.accepted());
			case NUMERIC -> lines.add(q.numeric().describe());
			case MATCHING -> {
				for (int i = 0; i < q.options().size() && i < q.correct().size(); i++) {
					lines.add(q.options().get(i) + " → " + q.matches().get(q.correct().get(i)));
				}
			}
			default -> q.correct().forEach(i -> lines.add(q.options().get(i)));
		}
		return lines;
	}

	private static String rule(Question q) {
		return switch (q.kind()) {
			case SHORT_ANSWER -> q.similarity() == null
					? "Case, spaces, punctuation and accents do not matter."
					: "Case, spaces, punctuation and accents do not matter, and answers that mean the same are accepted too.";
			case NUMERIC -> q.numeric().tolerance() != null && q.numeric().tolerance().signum() > 0
					? "Answers within ± " + q.numeric().tolerance().stripTrailingZeros().toPlainString() + " count."
					: null;
			default -> q.scoringRule();
		};
	}
}
