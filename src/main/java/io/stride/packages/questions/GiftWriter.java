package io.stride.packages.questions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;

/**
 * Questions as Moodle GIFT text. Choice kinds use GIFT's own syntax (partial credit as weights: a right option
 * 100/k %, a wrong one -100/k % for partial credit or -100 % for all or nothing), matching its {@code ->} pairs, short
 * answers their {@code =} alternatives, numeric {@code #value:tolerance}. GIFT has no ordering question: an ordering
 * is written as a matching of each step to its position (ADR 0032), which any GIFT reader can still grade; the
 * {@link Hints} comment tells Stride to read it back as an ordering.
 */
final class GiftWriter {

	/** The text and the questions left out, each with why. */
	record Written(String text, List<String> skipped) {
	}

	private GiftWriter() {
	}

	static Written write(String heading, List<BankEntry> entries) {
		StringBuilder out = new StringBuilder();
		List<String> skipped = new ArrayList<>();
		out.append("// ").append(oneLine(heading)).append('\n');
		out.append("// GIFT (Moodle); questions separated by blank lines\n\n");
		for (BankEntry entry : entries) {
			String refusal = refusal(entry.question());
			if (refusal != null) {
				skipped.add(entry.title() + ": " + refusal);
				out.append("// not exported: ").append(oneLine(entry.title())).append(": ").append(refusal).append("\n\n");
				continue;
			}
			question(out, entry);
			out.append('\n');
		}
		return new Written(out.toString(), List.copyOf(skipped));
	}

	/** Why GIFT cannot hold the question, or null. */
	private static String refusal(Question q) {
		if (q.kind() == QuestionKind.MATCHING || q.kind() == QuestionKind.ORDERING) {
			// GIFT splits a pair at its first "->" and has no escape for it
			boolean arrow = q.options().stream().anyMatch(o -> o.contains("->"))
					|| q.matches().stream().anyMatch(m -> m.contains("->"));
			if (arrow) {
				return "an item contains \"->\", which GIFT reads as the arrow between an item and its match";
			}
		}
		return null;
	}

	private static void question(StringBuilder out, BankEntry entry) {
		Question q = entry.question();
		Hints hints = hints(q);
		if (!hints.none()) {
			out.append(hints.comment()).append('\n');
		}
		out.append("::").append(escape(entry.title())).append("::").append(escape(q.prompt())).append(" {");
		switch (q.kind()) {
			case TRUE_FALSE -> {
				if (plainTrueFalse(q)) {
					out.append(q.correct().equals(List.of(0)) ? "T" : "F");
				}
				else {
					choices(out, q);
				}
			}
			case SINGLE_CHOICE -> choices(out, q);
			case MULTIPLE_CHOICE -> weighted(out, q);
			case MATCHING -> matching(out, q);
			case ORDERING -> ordering(out, q);
			case SHORT_ANSWER -> q.accepted().forEach(a -> out.append("\n\t=").append(escape(a)));
			case NUMERIC -> out.append('#').append(q.numeric().value().toPlainString()).append(':')
				.append(q.numeric().tolerance().toPlainString());
		}
		if (!q.explanation().isBlank()) {
			out.append("\n\t####").append(escape(q.explanation()));
		}
		out.append(q.kind() == QuestionKind.NUMERIC || q.kind() == QuestionKind.TRUE_FALSE && plainTrueFalse(q)
				&& q.explanation().isBlank() ? "}\n" : "\n}\n");
	}

	/** True/false as GIFT knows it: the options True and False in that order. */
	static boolean plainTrueFalse(Question q) {
		return q.options().equals(List.of("True", "False"));
	}

	private static Hints hints(Question q) {
		QuestionKind kind = q.kind() == QuestionKind.ORDERING
				|| q.kind() == QuestionKind.TRUE_FALSE && !plainTrueFalse(q) ? q.kind() : null;
		Scoring scoring = null;
		if (q.kind() == QuestionKind.MULTIPLE_CHOICE && q.correct().size() == 1 && q.scoring() == Scoring.PARTIAL) {
			// with one right option both rules give the same weights
			scoring = Scoring.PARTIAL;
		}
		if (q.kind() == QuestionKind.MATCHING && q.scoring() == Scoring.ALL_OR_NOTHING) {
			// GIFT matchings earn a share per pair
			scoring = Scoring.ALL_OR_NOTHING;
		}
		String unit = q.kind() == QuestionKind.NUMERIC ? q.numeric().unit() : null;
		return new Hints(kind, scoring, q.similarity(), unit);
	}

	private static void choices(StringBuilder out, Question q) {
		for (int i = 0; i < q.options().size(); i++) {
			out.append("\n\t").append(q.correct().contains(i) ? '=' : '~').append(escape(q.options().get(i)));
		}
	}

	private static void weighted(StringBuilder out, Question q) {
		int right = q.correct().size();
		String plus = percent(BigDecimal.valueOf(100).divide(BigDecimal.valueOf(right), 5, RoundingMode.HALF_UP));
		String minus = q.scoring() == Scoring.PARTIAL ? "-" + plus : "-100";
		for (int i = 0; i < q.options().size(); i++) {
			out.append("\n\t~%").append(q.correct().contains(i) ? plus : minus).append('%').append(escape(q.options().get(i)));
		}
	}

	private static String percent(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static void matching(StringBuilder out, Question q) {
		for (int i = 0; i < q.options().size(); i++) {
			out.append("\n\t=").append(escape(q.options().get(i))).append(" -> ").append(escape(q.matches().get(q.correct().get(i))));
		}
		for (int m = 0; m < q.matches().size(); m++) {
			if (!q.correct().contains(m)) {
				// an extra match no item takes: GIFT's pair with an empty left side
				out.append("\n\t= -> ").append(escape(q.matches().get(m)));
			}
		}
	}

	/** Each step matched to its place in the right order, 1 first. */
	private static void ordering(StringBuilder out, Question q) {
		for (int i = 0; i < q.options().size(); i++) {
			out.append("\n\t=").append(escape(q.options().get(i))).append(" -> ").append(q.correct().indexOf(i) + 1);
		}
	}

	/** GIFT's escapes: a backslash before ~ = # { } : and itself, a line break as \n. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
				case '\n' -> out.append("\\n");
				case '\r' -> {
				}
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n]+", " ");
	}
}
