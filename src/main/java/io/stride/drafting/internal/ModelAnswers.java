package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;
import tools.jackson.databind.JsonNode;

/**
 * The checks every part of a model's answer passes before it is used: the shape, answers among the options, and
 * what is marked right standing in a quote found word for word in the module's text.
 */
final class ModelAnswers {

	/** The kinds the model may write; matching and numeric questions come from the offline engine only. */
	static final Set<String> KINDS = Set.of("SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "ORDERING");

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
				|| !answerInCitation(kind, options, correct, citation)) {
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
			case "ORDERING" -> options.size() >= 3 && correct.size() == options.size() && Set.copyOf(correct).size() == options.size();
			default -> false;
		};
	}

	/** The same rule as for the offline engine: what is marked right must stand in the cited text. */
	static boolean answerInCitation(String kind, List<String> options, List<Integer> correct, Citation citation) {
		if ("TRUE_FALSE".equals(kind)) {
			return true;
		}
		String cited = normal(citation.text());
		return correct.stream().allMatch(i -> cited.contains(normal(options.get(i))));
	}

	static String normal(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
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
