package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;
import tools.jackson.databind.JsonNode;

/**
 * The checks every part of a model's answer passes before it is used: the shape, answers among the options, what
 * is marked right standing in a quote found word for word in the module's text, wrong options that the text does
 * not state, and stems that do not give the answer away.
 */
final class ModelAnswers {

	/** The kinds the model may write; matching and numeric questions come from the offline engine only. */
	static final Set<String> KINDS = Set.of("SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "ORDERING");

	/** A false statement must share at least this share of its words with the quote: a twist of it, not a new claim. */
	private static final double FALSE_STATEMENT_OVERLAP = 0.6;

	private ModelAnswers() {
	}

	/** A question from the model, if it passes every check against the module's slice of the source. */
	static Optional<DraftQuestion> question(JsonNode q, ModuleSlice slice) {
		String kind = text(q, "kind");
		String prompt = text(q, "prompt");
		String explanation = text(q, "explanation");
		List<String> options = strings(q.path("options"));
		List<Integer> correct = new ArrayList<>();
		q.path("correct").forEach(n -> correct.add(n.isInt() ? n.asInt() : -1));
		Citation citation = slice.locate(text(q, "sourceQuote")).orElse(null);
		if (kind == null || !KINDS.contains(kind) || prompt == null || explanation == null || citation == null
				|| q.path("options").size() != options.size()
				|| correct.isEmpty() || correct.stream().anyMatch(i -> i < 0 || i >= options.size())
				|| !optionsFit(kind, options, correct)
				|| givesAway(kind, prompt, options, correct)) {
			return Optional.empty();
		}
		boolean holds = "TRUE_FALSE".equals(kind) ? statementHolds(prompt, correct.get(0) == 0, citation)
				: answerInCitation(kind, options, correct, citation)
						&& wrongOptionsAllowed(options, correct, citation.text(), slice.moduleText());
		if (!holds) {
			return Optional.empty();
		}
		return Optional.of(new DraftQuestion(QuestionMaker.id(prompt), kind, prompt, options, correct, explanation, citation));
	}

	/** Distinct options of a sensible number, the right count of right answers for the kind. */
	static boolean optionsFit(String kind, List<String> options, List<Integer> correct) {
		if (options.size() < 2 || options.size() > 8
				|| options.stream().map(ModelAnswers::normal).distinct().count() < options.size()
				|| options.stream().anyMatch(o -> normal(o).contains("all of the above") || normal(o).contains("none of the above"))) {
			return false;
		}
		return switch (kind) {
			case "SINGLE_CHOICE" -> correct.size() == 1;
			case "TRUE_FALSE" -> correct.size() == 1 && options.equals(List.of("True", "False"));
			case "MULTIPLE_CHOICE" -> Set.copyOf(correct).size() == correct.size();
			case "ORDERING" -> options.size() >= 3 && correct.size() == options.size()
					&& Set.copyOf(correct).size() == options.size();
			default -> false;
		};
	}

	/**
	 * The same rule as for the offline engine: what is marked right must stand in the cited text; for an ordering
	 * question, the options must stand there in the order the key gives.
	 */
	static boolean answerInCitation(String kind, List<String> options, List<Integer> correct, Citation citation) {
		if ("TRUE_FALSE".equals(kind)) {
			return true;
		}
		String cited = normal(citation.text());
		if ("ORDERING".equals(kind)) {
			int previous = -1;
			for (int i : correct) {
				int at = cited.indexOf(normal(options.get(i)), previous + 1);
				if (at <= previous) {
					return false;
				}
				previous = at;
			}
			return true;
		}
		return correct.stream().allMatch(i -> cited.contains(normal(options.get(i))));
	}

	/**
	 * A true/false statement from the model: keyed True, it must stand in the quote; keyed False, it must be a twist
	 * of the quote (most of its words are the quote's) that the quote does not state.
	 */
	static boolean statementHolds(String statement, boolean keyedTrue, Citation citation) {
		String said = words(statement);
		String cited = words(citation.text());
		if (said.isBlank()) {
			return false;
		}
		boolean stated = (" " + cited + " ").contains(" " + said + " ");
		if (keyedTrue) {
			return stated;
		}
		Set<String> quoteWords = Set.of(cited.split(" "));
		List<String> own = Arrays.asList(said.split(" "));
		long shared = own.stream().filter(quoteWords::contains).count();
		return !stated && shared >= FALSE_STATEMENT_OVERLAP * own.size();
	}

	/**
	 * Wrong options the text does not state: none may stand in the quote (it may well be right), and none of a
	 * few words or more may stand in the module's text as it is. A short option found elsewhere in the module (a
	 * role for a role, a duration for a duration) is the plausible distractor the model is asked for. Nor may a
	 * wrong option be a key in other words: one containing a key or contained in one ("manager", "managers").
	 */
	static boolean wrongOptionsAllowed(List<String> options, List<Integer> correct, String quote, String moduleText) {
		String cited = " " + words(quote) + " ";
		String module = " " + words(moduleText) + " ";
		List<String> keys = correct.stream().map(i -> normal(options.get(i))).toList();
		for (int i = 0; i < options.size(); i++) {
			if (correct.contains(i)) {
				continue;
			}
			String option = words(options.get(i));
			String plain = normal(options.get(i));
			if (option.isBlank() || cited.contains(" " + option + " ")
					|| (option.split(" ").length >= 4 && module.contains(" " + option + " "))
					|| keys.stream().anyMatch(key -> key.contains(plain) || plain.contains(key))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A stem that gives the answer away: it names a key of a choice question, or it lists two or more of an ordering
	 * question's steps (their order then shows in the stem).
	 */
	static boolean givesAway(String kind, String prompt, List<String> options, List<Integer> correct) {
		String stem = normal(prompt);
		return switch (kind) {
			case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> correct.stream()
				.map(i -> normal(options.get(i)))
				.anyMatch(key -> key.length() >= 3 && stem.contains(key));
			case "ORDERING" -> options.stream()
				.map(ModelAnswers::normal)
				.filter(o -> o.length() >= 3 && stem.contains(o))
				.count() >= 2;
			default -> false;
		};
	}

	static String normal(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/** Lower-case words and numbers, one space apart, without punctuation: "EUR 500." and "eur 500" match. */
	static String words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter(w -> !w.isEmpty())
			.collect(Collectors.joining(" "));
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
	}

	/** The non-blank strings of an array, stripped; anything else in it is left out. */
	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(n -> {
				if (n.isString() && !n.asString().isBlank()) {
					values.add(n.asString().strip());
				}
			});
		}
		return values;
	}
}
