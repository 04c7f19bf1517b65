package io.stride.drafting.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.drafting.Citation;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional language-model engine: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI,
 * Ollama, vLLM) asked for a CourseDraft through a JSON schema. Its answer is checked before anything of it is
 * used: the shape, every answer among the options, every quote really in the source. What fails is taken from
 * the offline draft instead, and the draft says so. Only the configured host is called, with a time limit; the
 * key comes from the environment and is never logged.
 */
@Component
public class LlmEngine {

	private static final Logger log = LoggerFactory.getLogger(LlmEngine.class);

	private static final Set<String> KINDS = Set.of("SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "ORDERING");

	private final boolean enabled;

	private final String baseUrl;

	private final String model;

	private final String apiKey;

	private final Duration timeout;

	private final JsonMapper json;

	private final HttpClient http;

	public LlmEngine(@Value("${stride.drafting.llm.enabled:false}") boolean enabled,
			@Value("${stride.drafting.llm.base-url:}") String baseUrl, @Value("${stride.drafting.llm.model:}") String model,
			@Value("${stride.drafting.llm.api-key:}") String apiKey,
			@Value("${stride.drafting.llm.timeout-seconds:60}") int timeoutSeconds, JsonMapper json) {
		this.enabled = enabled && !baseUrl.isBlank() && !model.isBlank();
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.model = model;
		this.apiKey = apiKey;
		this.timeout = Duration.ofSeconds(timeoutSeconds);
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public boolean enabled() {
		return enabled;
	}

	/** A draft by the model, checked and completed from {@code offline}; the offline draft when the model fails. */
	public CourseDraft draft(List<ExtractedSource> sources, CourseDraft offline) {
		JsonNode answer;
		try {
			answer = ask(sources);
		}
		catch (HttpTimeoutException e) {
			return fallback(offline, "The language model did not answer within " + timeout.toSeconds()
					+ " seconds, so the offline engine drafted this course.");
		}
		catch (Exception e) {
			log.warn("Language model call failed: {}", e.getClass().getSimpleName());
			return fallback(offline, "The language model could not be used (" + reason(e)
					+ "), so the offline engine drafted this course.");
		}
		return validated(answer, sources, offline);
	}

	private JsonNode ask(List<ExtractedSource> sources) throws Exception {
		StringBuilder text = new StringBuilder();
		for (ExtractedSource source : sources) {
			text.append("=== SOURCE: ").append(source.name()).append(" ===\n").append(source.text()).append("\n\n");
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("model", model);
		request.put("temperature", 0);
		request.put("seed", 7);
		request.put("messages", List.of(Map.of("role", "system", "content", INSTRUCTIONS),
				Map.of("role", "user", "content", text.toString())));
		request.put("response_format", Map.of("type", "json_schema", "json_schema",
				Map.of("name", "course_draft", "strict", true, "schema", json.readTree(SCHEMA))));
		HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
		if (!apiKey.isBlank()) {
			call.header("Authorization", "Bearer " + apiKey);
		}
		HttpResponse<String> response;
		try {
			// the limit covers the whole answer, not only its first byte
			response = http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString())
				.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException e) {
			throw new HttpTimeoutException("no complete answer in time");
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof HttpTimeoutException timeoutException) {
				throw timeoutException;
			}
			throw e.getCause() instanceof Exception cause ? cause : e;
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
		if (!content.isString()) {
			throw new IllegalStateException("no message content");
		}
		return json.readTree(content.asString());
	}

	private CourseDraft validated(JsonNode answer, List<ExtractedSource> sources, CourseDraft offline) {
		List<String> warnings = new ArrayList<>(offline.warnings().stream().filter(w -> !w.contains("offline")).toList());
		String title = text(answer, "title");
		String audience = text(answer, "audience");
		String summary = text(answer, "summary");
		List<String> objectives = strings(answer.path("objectives"));
		if (title == null || audience == null || summary == null || objectives.size() < 3 || !answer.path("modules").isArray()
				|| answer.path("modules").isEmpty()) {
			return fallback(offline, "The language model's answer did not have the expected shape, so the offline engine drafted this course.");
		}
		int dropped = 0;
		int replaced = 0;
		Set<String> prompts = new HashSet<>();
		List<DraftModule> modules = new ArrayList<>();
		int position = -1;
		for (JsonNode m : answer.path("modules")) {
			position++;
			DraftModule offlineModule = position < offline.modules().size() ? offline.modules().get(position) : null;
			List<DraftLesson> lessons = new ArrayList<>();
			for (JsonNode l : m.path("lessons")) {
				Citation citation = locate(text(l, "sourceQuote"), sources);
				String lessonTitle = text(l, "title");
				String markdown = text(l, "markdown");
				if (lessonTitle != null && markdown != null && citation != null) {
					lessons.add(new DraftLesson(lessonTitle, markdown, List.of(citation)));
				}
				else {
					dropped++;
				}
			}
			List<DraftQuestion> check = new ArrayList<>();
			for (JsonNode q : m.path("questions")) {
				DraftQuestion question = question(q, sources, prompts);
				if (question != null && check.size() < 3) {
					check.add(question);
				}
				else if (question == null) {
					dropped++;
				}
			}
			String moduleTitle = text(m, "title");
			if (offlineModule != null && check.size() < 2) {
				// knowledge checks are completed from the offline module in the same place
				for (DraftQuestion q : offlineModule.knowledgeCheck()) {
					if (check.size() >= 2) {
						break;
					}
					if (prompts.add(q.prompt())) {
						check.add(q);
						replaced++;
					}
				}
			}
			if (moduleTitle != null && !lessons.isEmpty()) {
				modules.add(new DraftModule(moduleTitle, strings(m.path("takeaways")), lessons, check));
			}
			else if (offlineModule != null) {
				// a module the model got wrong is taken whole from the offline draft
				modules.add(offlineModule);
				offlineModule.knowledgeCheck().forEach(q -> prompts.add(q.prompt()));
				replaced++;
			}
		}
		if (replaced > 0) {
			warnings.add(replaced + " part" + (replaced == 1 ? "" : "s") + " of this draft came from the offline engine "
					+ "because the language model's version failed the checks.");
		}
		if (modules.isEmpty()) {
			return fallback(offline, "None of the language model's lessons could be traced to the source, so the offline engine drafted this course.");
		}
		List<DraftQuestion> quiz = new ArrayList<>();
		for (JsonNode q : answer.path("quiz")) {
			DraftQuestion question = question(q, sources, prompts);
			if (question != null) {
				quiz.add(question);
			}
			else {
				dropped++;
			}
		}
		int wanted = offline.quiz().size();
		if (quiz.size() < wanted) {
			for (DraftQuestion q : offline.quiz()) {
				if (quiz.size() >= wanted) {
					break;
				}
				if (prompts.add(q.prompt())) {
					quiz.add(q);
				}
			}
			warnings.add("The final quiz was completed with questions from the offline engine.");
		}
		if (dropped > 0) {
			warnings.add(dropped + " part" + (dropped == 1 ? "" : "s") + " of the language model's answer failed the checks "
					+ "(answer not among the options, or a quote that is not in the source) and were left out.");
		}
		return new CourseDraft(offline.id(), title, audience, objectives.subList(0, Math.min(5, objectives.size())),
				offline.estimatedMinutes(), summary, modules, quiz, offline.glossary(), "llm", warnings);
	}

	private DraftQuestion question(JsonNode q, List<ExtractedSource> sources, Set<String> prompts) {
		String kind = text(q, "kind");
		String prompt = text(q, "prompt");
		String explanation = text(q, "explanation");
		List<String> options = strings(q.path("options"));
		List<Integer> correct = new ArrayList<>();
		q.path("correct").forEach(n -> correct.add(n.isInt() ? n.asInt() : -1));
		Citation citation = locate(text(q, "sourceQuote"), sources);
		if (kind == null || !KINDS.contains(kind) || prompt == null || explanation == null || citation == null
				|| options.size() < 2 || options.size() > 8 || correct.isEmpty()
				|| options.stream().map(o -> o.strip().toLowerCase(java.util.Locale.ROOT)).distinct().count() < options.size()
				|| options.stream().anyMatch(o -> o.toLowerCase(java.util.Locale.ROOT).contains("all of the above"))
				|| correct.stream().anyMatch(i -> i < 0 || i >= options.size())
				|| ("SINGLE_CHOICE".equals(kind) || "TRUE_FALSE".equals(kind)) && correct.size() != 1
				|| "ORDERING".equals(kind) && (options.size() < 3 || correct.size() != options.size()
						|| Set.copyOf(correct).size() != options.size())
				|| "TRUE_FALSE".equals(kind) && !options.equals(List.of("True", "False"))
				|| "MULTIPLE_CHOICE".equals(kind) && Set.copyOf(correct).size() != correct.size()
				|| !answerInCitation(kind, options, correct, citation)
				|| !prompts.add(prompt)) {
			return null;
		}
		return new DraftQuestion(QuestionMaker.id(prompt), kind, prompt, options, correct, explanation, citation);
	}

	/** The same rule as for the offline engine: what is marked right must stand in the cited text. */
	private static boolean answerInCitation(String kind, List<String> options, List<Integer> correct, Citation citation) {
		String cited = citation.text().toLowerCase(java.util.Locale.ROOT);
		if ("TRUE_FALSE".equals(kind)) {
			return true;
		}
		return correct.stream().allMatch(i -> cited.contains(options.get(i).toLowerCase(java.util.Locale.ROOT).strip()));
	}

	/** Where a quote really occurs in the sources (whitespace may differ); null if it does not. */
	static Citation locate(String quote, List<ExtractedSource> sources) {
		if (quote == null || quote.strip().length() < 8) {
			return null;
		}
		String wanted = quote.strip().replaceAll("\\s+", " ");
		for (ExtractedSource source : sources) {
			String text = source.text();
			StringBuilder flat = new StringBuilder();
			List<Integer> positions = new ArrayList<>();
			boolean space = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isWhitespace(c)) {
					if (!space) {
						flat.append(' ');
						positions.add(i);
					}
					space = true;
				}
				else {
					flat.append(c);
					positions.add(i);
					space = false;
				}
			}
			int at = flat.indexOf(wanted);
			if (at >= 0) {
				int start = positions.get(at);
				int end = positions.get(at + wanted.length() - 1) + 1;
				String locator = source.blocks()
					.stream()
					.filter(b -> b.start() <= start && start < b.end() + 2)
					.map(Block::locator)
					.findFirst()
					.orElse("text");
				return new Citation(source.name(), locator, start, end, text.substring(start, end));
			}
		}
		return null;
	}

	private static CourseDraft fallback(CourseDraft offline, String warning) {
		List<String> warnings = new ArrayList<>(offline.warnings());
		warnings.add(0, warning);
		return new CourseDraft(offline.id(), offline.title(), offline.audience(), offline.objectives(),
				offline.estimatedMinutes(), offline.summary(), offline.modules(), offline.quiz(), offline.glossary(), "offline",
				warnings);
	}

	private static String reason(Exception e) {
		if (e instanceof java.net.ConnectException) {
			return "no connection to the configured address";
		}
		if (e instanceof tools.jackson.core.JacksonException) {
			return "its answer was not valid JSON";
		}
		return e.getMessage() != null && e.getMessage().startsWith("HTTP ") ? "it answered " + e.getMessage() : "an error";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
	}

	private static List<String> strings(JsonNode array) {
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

	static final String INSTRUCTIONS = """
			You turn a manager's source material into a short course. Keep the author's own sentences and context;
			restructure lightly (steps as numbered lists, warnings as callouts). Write lessons in Markdown. Give 3-5
			learning objectives that start with an observable verb (List, State, Decide, Explain, Describe, Identify).
			For each module write 2-3 questions, and 8 or more final-quiz questions for long sources. Kinds:
			SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE (options "True","False"), ORDERING (correct = option indexes in
			the right order). Wrong options must be plausible terms or numbers of the same kind from the same source,
			never the right answer in other words, never duplicates, never "all of the above". Every lesson and
			question has a sourceQuote: a sentence copied exactly, character for character, from the source.""";

	static final String SCHEMA = """
			{"type":"object","additionalProperties":false,
			 "required":["title","audience","objectives","summary","modules","quiz"],
			 "properties":{
			  "title":{"type":"string"},"audience":{"type":"string"},
			  "objectives":{"type":"array","items":{"type":"string"}},
			  "summary":{"type":"string"},
			  "modules":{"type":"array","items":{"type":"object","additionalProperties":false,
			    "required":["title","takeaways","lessons","questions"],
			    "properties":{
			      "title":{"type":"string"},
			      "takeaways":{"type":"array","items":{"type":"string"}},
			      "lessons":{"type":"array","items":{"type":"object","additionalProperties":false,
			        "required":["title","markdown","sourceQuote"],
			        "properties":{"title":{"type":"string"},"markdown":{"type":"string"},"sourceQuote":{"type":"string"}}}},
			      "questions":{"type":"array","items":{"$ref":"#/$defs/question"}}}}},
			  "quiz":{"type":"array","items":{"$ref":"#/$defs/question"}}},
			 "$defs":{"question":{"type":"object","additionalProperties":false,
			   "required":["kind","prompt","options","correct","explanation","sourceQuote"],
			   "properties":{
			     "kind":{"type":"string","enum":["SINGLE_CHOICE","MULTIPLE_CHOICE","TRUE_FALSE","ORDERING"]},
			     "prompt":{"type":"string"},"options":{"type":"array","items":{"type":"string"}},
			     "correct":{"type":"array","items":{"type":"integer"}},
			     "explanation":{"type":"string"},"sourceQuote":{"type":"string"}}}}}""";
}
