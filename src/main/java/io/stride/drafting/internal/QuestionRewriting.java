package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.drafting.DraftQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hybrid mode, one module at a time: the offline engine has chosen the passages and made the questions; the
 * model only rewrites their stems and wrong options. A rewrite keeps the question's citation and key: the right
 * options come back unchanged and still stand in the cited passage, or the offline wording stays.
 */
final class QuestionRewriting {

	private static final Logger log = LoggerFactory.getLogger(QuestionRewriting.class);

	/** Kinds whose stem may be rewritten. A true/false statement is its own key, so it is never reworded. */
	private static final Set<String> REWORDED = Set.of("SINGLE_CHOICE", "MULTIPLE_CHOICE", "ORDERING");

	/** Kinds whose wrong options may be rewritten; an ordering question's options are all part of its key. */
	private static final Set<String> NEW_DISTRACTORS = Set.of("SINGLE_CHOICE", "MULTIPLE_CHOICE");

	/** The rewritten questions by the offline question they replace. */
	record Outcome(Map<DraftQuestion, DraftQuestion> rewritten, int rejected, String failure, boolean byModel) {
	}

	private final ChatCompletions chat;

	private final JsonMapper json;

	QuestionRewriting(ChatCompletions chat, JsonMapper json) {
		this.chat = chat;
		this.json = json;
	}

	Outcome rewrite(ModuleSlice slice, List<DraftQuestion> questions, LlmEngine.Attempts attempts) {
		List<DraftQuestion> asked = questions.stream().filter(q -> REWORDED.contains(q.kind())).toList();
		if (asked.isEmpty()) {
			return new Outcome(Map.of(), 0, null, false);
		}
		String notNow = attempts.whyNot();
		if (notNow != null) {
			return new Outcome(Map.of(), 0, notNow, false);
		}
		JsonNode answer;
		try {
			answer = chat.ask(INSTRUCTIONS, request(slice, asked), "question_rewrites", SCHEMA, attempts.call(slice));
			attempts.answered();
		}
		catch (ChatCompletions.Unavailable e) {
			attempts.failed();
			log.info("Module {} of {} keeps the offline wording: {}", slice.index() + 1, slice.count(), e.getMessage());
			return new Outcome(Map.of(), 0, "the language model could not be used (" + e.getMessage() + ")", false);
		}
		Map<String, JsonNode> byId = new HashMap<>();
		answer.path("questions").forEach(q -> {
			String id = ModelAnswers.text(q, "id");
			if (id != null) {
				byId.putIfAbsent(id, q);
			}
		});
		Map<DraftQuestion, DraftQuestion> rewritten = new LinkedHashMap<>();
		int rejected = 0;
		for (int i = 0; i < asked.size(); i++) {
			DraftQuestion original = asked.get(i);
			JsonNode q = byId.get("q" + (i + 1));
			DraftQuestion rewrite = q == null ? null : checked(original, q, slice.moduleText());
			if (rewrite != null) {
				rewritten.put(original, rewrite);
			}
			else {
				rejected++;
			}
		}
		return new Outcome(rewritten, rejected, null, true);
	}

	/**
	 * The rewrite, if it keeps the key, the citation and the course rules, and its new wrong options pass the same
	 * check as the full mode's against the module's text; null otherwise.
	 */
	static DraftQuestion checked(DraftQuestion original, JsonNode q, String moduleText) {
		String prompt = ModelAnswers.text(q, "prompt");
		List<String> options = ModelAnswers.strings(q.path("options"));
		if (prompt == null || prompt.length() > 500 || q.path("options").size() != options.size()
				|| options.size() != original.options().size()) {
			return null;
		}
		List<String> kept = new ArrayList<>(options);
		for (int i = 0; i < options.size(); i++) {
			boolean key = original.correct().contains(i);
			boolean same = ModelAnswers.normal(options.get(i)).equals(ModelAnswers.normal(original.options().get(i)));
			if ((key || !NEW_DISTRACTORS.contains(original.kind())) && !same) {
				return null;
			}
			if (same) {
				kept.set(i, original.options().get(i));
			}
		}
		List<String> fresh = new ArrayList<>();
		List<Integer> keys = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			// only the new wrong options are checked: the offline engine's own stand as they were
			if (original.correct().contains(i)) {
				keys.add(fresh.size());
				fresh.add(kept.get(i));
			}
			else if (!kept.get(i).equals(original.options().get(i))) {
				fresh.add(kept.get(i));
			}
		}
		if (!ModelAnswers.wrongOptionsAllowed(fresh, keys, original.citation().text(), moduleText)
				|| ModelAnswers.givesAway(original.kind(), prompt, kept, original.correct())
				|| !ModelAnswers.optionsFit(original.kind(), kept, original.correct())
				|| !ModelAnswers.answerInCitation(original.kind(), kept, original.correct(), original.citation())) {
			return null;
		}
		return new DraftQuestion(original.id(), original.kind(), prompt, kept, original.correct(), original.explanation(),
				original.citation(), original.matches(), original.numeric(), original.score());
	}

	private String request(ModuleSlice slice, List<DraftQuestion> questions) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			DraftQuestion q = questions.get(i);
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", "q" + (i + 1));
			item.put("kind", q.kind());
			item.put("prompt", q.prompt());
			item.put("options", q.options());
			item.put("correct", q.correct());
			item.put("passage", q.citation().text());
			items.add(item);
		}
		return "Module \"" + slice.offline().title() + "\". Rewrite these questions:\n" + json.writeValueAsString(items);
	}

	static final String INSTRUCTIONS = """
			You improve quiz questions an engine drafted from a manager's document. Each question comes with the
			passage it was drafted from. Rewrite the prompt as a clear, natural question (a short scenario is welcome)
			that the passage alone answers, without giving the answer away. For SINGLE_CHOICE and MULTIPLE_CHOICE you
			may replace the wrong options with more plausible ones of the same kind as the right answer (a role for a
			role, a duration for a duration), never true according to the passage, never the right answer in other
			words. Return every option in its place: the options at the "correct" indexes must come back exactly as
			given, and ORDERING options must all come back exactly as given. Keep each question's id. Write in the language the
			source is written in.""";

	static final String SCHEMA = """
			{"type":"object","additionalProperties":false,"required":["questions"],
			 "properties":{"questions":{"type":"array","items":{"type":"object","additionalProperties":false,
			   "required":["id","prompt","options"],
			   "properties":{"id":{"type":"string"},"prompt":{"type":"string"},
			     "options":{"type":"array","items":{"type":"string"}}}}}}}""";
}
