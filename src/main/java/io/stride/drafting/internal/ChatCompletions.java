package io.stride.drafting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenAI-compatible chat-completions endpoint: asks for one JSON object and returns it. Structured output
 * (a strict JSON schema) is asked for first; a server that refuses it gets plain JSON mode from then on, and one
 * that refuses {@code temperature} or {@code max_tokens} is asked without them from then on. A 429 or 503 is
 * retried after its Retry-After (a server asking for longer than the cap is not waited for), another 5xx after a
 * growing pause, a bounded number of times; every try has a limit on the whole answer, and an answer is read up to
 * 2 MB at most. Neither the key nor the source text ever goes into a log or an error message.
 */
final class ChatCompletions {

	/** The most of an answer that is read; a longer one is refused (a model that runs on, or not a model at all). */
	static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;

	/** The longest line of a streamed answer: one event is a few hundred characters. */
	static final int MAX_EVENT_LINE = 64 * 1024;

	/** The tokens a model may write for one answer (a module's lessons and questions fit well within it). */
	static final int MAX_ANSWER_TOKENS = 8192;

	/** What is read of an error answer: enough to see what the server refused. */
	private static final int MAX_ERROR_BYTES = 20_000;

	/** Bodies are read here, on a thread that can be interrupted when the time is up. */
	private static final ExecutorService READERS = Executors.newThreadPerTaskExecutor(
			Thread.ofVirtual().name("drafting-llm-read-", 0).factory());

	/** Why the model could not be used, in words fit for an author (no key, no source text). */
	static final class Unavailable extends Exception {

		Unavailable(String reason) {
			super(reason, null, false, false);
		}
	}

	/**
	 * What one draft allows a request: the time its model phase must end by, and who hears of each wait before a
	 * retry (the drafting page, so that a long wait does not look like a stalled draft).
	 */
	record Call(Instant until, Consumer<Duration> retrying) {

		Duration left() {
			return Duration.between(Instant.now(), until);
		}
	}

	private final LlmSettings settings;

	private final JsonMapper json;

	private final HttpClient http;

	/** Set once the server refused structured output: the rest of this engine's requests use JSON mode. */
	private final AtomicBoolean schemaRefused = new AtomicBoolean();

	/** Set once the server refused a temperature (some reasoning models take only their default). */
	private final AtomicBoolean temperatureRefused = new AtomicBoolean();

	/** Set once the server refused max_tokens and asked for max_completion_tokens instead. */
	private final AtomicBoolean maxTokensRefused = new AtomicBoolean();

	ChatCompletions(LlmSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	boolean structuredOutputRefused() {
		return schemaRefused.get();
	}

	/** The model's answer to {@code user}, parsed; {@code schema} is what the answer must look like. */
	JsonNode ask(String instructions, String user, String schemaName, String schema, Call call) throws Unavailable {
		int attempt = 0;
		while (true) {
			Duration left = call.left();
			if (left.toMillis() < 100) {
				throw new Unavailable("the time set aside for the language model ran out");
			}
			Duration limit = left.compareTo(settings.timeout()) < 0 ? left : settings.timeout();
			Map<String, Object> request = request(instructions, user, schemaName, schema);
			Answer answer = send(request, limit);
			if (answer.status() == 200) {
				return parse(answer.content());
			}
			if (answer.status() == 400 && refused(answer.content(), request)) {
				continue;
			}
			boolean retryable = answer.status() == 429 || answer.status() >= 500;
			if (!retryable || attempt >= settings.retries()) {
				throw new Unavailable("it answered HTTP " + answer.status()
						+ (retryable && attempt > 0 ? " after " + (attempt + 1) + " tries" : ""));
			}
			Duration wait = backOff(attempt);
			if ((answer.status() == 429 || answer.status() == 503) && answer.retryAfter() != null) {
				wait = retryAfter(answer.retryAfter());
				if (wait == null) {
					throw new Unavailable("it answered HTTP " + answer.status() + " and asked to wait longer than "
							+ settings.maxRetryWait().toSeconds() + " seconds");
				}
			}
			if (wait.compareTo(call.left()) >= 0) {
				throw new Unavailable("it answered HTTP " + answer.status()
						+ " and the time set aside for the language model ran out");
			}
			call.retrying().accept(wait);
			pause(wait);
			attempt++;
		}
	}

	/**
	 * Whether a 400 named a parameter of {@code request} this server does not take; it is then left out of this
	 * engine's requests (or asked for another way), so a server that refuses everything is not asked forever.
	 */
	private boolean refused(String error, Map<String, Object> request) {
		if (error.contains("response_format") && request.get("response_format") instanceof Map<?, ?> format
				&& "json_schema".equals(format.get("type"))) {
			// the server does not do structured output: plain JSON mode, the schema described in the prompt
			schemaRefused.set(true);
			return true;
		}
		if (error.contains("temperature") && request.containsKey("temperature")) {
			temperatureRefused.set(true);
			return true;
		}
		if (error.contains("max_tokens") && request.containsKey("max_tokens")) {
			maxTokensRefused.set(true);
			return true;
		}
		return false;
	}

	private record Answer(int status, String content, String retryAfter) {
	}

	private Map<String, Object> request(String instructions, String user, String schemaName, String schema) {
		boolean jsonMode = schemaRefused.get();
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("model", settings.model());
		if (!temperatureRefused.get()) {
			request.put("temperature", 0);
		}
		request.put("seed", 7);
		request.put(maxTokensRefused.get() ? "max_completion_tokens" : "max_tokens", MAX_ANSWER_TOKENS);
		String system = jsonMode ? instructions + "\n\nAnswer with one JSON object only, matching this JSON schema:\n" + schema
				: instructions;
		request.put("messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
		if (jsonMode) {
			request.put("response_format", Map.of("type", "json_object"));
		}
		else {
			request.put("response_format", Map.of("type", "json_schema", "json_schema",
					Map.of("name", schemaName, "strict", true, "schema", json.readTree(schema))));
		}
		if (settings.stream()) {
			request.put("stream", true);
		}
		return request;
	}

	private Answer send(Map<String, Object> request, Duration limit) throws Unavailable {
		HttpRequest.Builder call;
		CompletableFuture<HttpResponse<InputStream>> sent;
		try {
			call = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/chat/completions"))
				.timeout(limit)
				.header("Content-Type", "application/json")
				.header("Accept", settings.stream() ? "text/event-stream" : "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
			if (!settings.apiKey().isBlank()) {
				call.header("Authorization", "Bearer " + settings.apiKey());
			}
			sent = http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IllegalArgumentException badAddress) {
			// an address without a scheme or host; the settings check it, this keeps a draft from failing anyway
			throw new Unavailable("the configured address is not a valid http or https URL");
		}
		long end = System.nanoTime() + limit.toNanos();
		HttpResponse<InputStream> response = null;
		Future<Answer> reading = null;
		try {
			// the limit covers the whole answer, not only its headers
			response = sent.get(limit.toMillis(), TimeUnit.MILLISECONDS);
			HttpResponse<InputStream> arrived = response;
			reading = READERS.submit(() -> read(arrived));
			return reading.get(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			// gives up the exchange, whether its headers came or not, and stops reading an answer still coming in
			sent.cancel(true);
			stop(reading, response);
			throw timedOut(limit);
		}
		catch (InterruptedException e) {
			sent.cancel(true);
			stop(reading, response);
			Thread.currentThread().interrupt();
			throw new Unavailable("drafting was stopped");
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof Unavailable unavailable) {
				throw unavailable;
			}
			if (cause instanceof HttpTimeoutException) {
				throw timedOut(limit);
			}
			if (cause instanceof ConnectException) {
				throw new Unavailable("no connection to the configured address");
			}
			throw new Unavailable("an error (" + cause.getClass().getSimpleName() + ")");
		}
	}

	private static void stop(Future<Answer> reading, HttpResponse<InputStream> response) {
		if (reading != null) {
			reading.cancel(true);
		}
		if (response != null) {
			try {
				response.body().close();
			}
			catch (IOException ignored) {
				// the exchange is given up either way
			}
		}
	}

	private Unavailable timedOut(Duration limit) {
		return new Unavailable("it did not answer within " + Math.max(1, limit.toSeconds()) + " seconds");
	}

	/** The message content of a 200 answer, streamed or not; an error status keeps the start of its body. */
	private Answer read(HttpResponse<InputStream> response) throws Unavailable, IOException {
		String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				return new Answer(response.statusCode(), new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8),
						retryAfter);
			}
			byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
			if (bytes.length > MAX_ANSWER_BYTES) {
				throw new Unavailable("its answer was longer than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB");
			}
			String text = new String(bytes, StandardCharsets.UTF_8);
			boolean streamed = response.headers()
				.firstValue("Content-Type")
				.map(type -> type.startsWith("text/event-stream"))
				.orElse(false);
			return new Answer(200, streamed ? events(text) : message(text), retryAfter);
		}
	}

	private String message(String body) throws Unavailable {
		JsonNode content = readJson(body).path("choices").path(0).path("message").path("content");
		if (!content.isString()) {
			throw new Unavailable("its answer had no message");
		}
		return content.asString();
	}

	/** Server-sent events: each {@code data:} line holds a chunk whose delta adds to the message. */
	private String events(String body) throws Unavailable {
		StringBuilder content = new StringBuilder();
		for (String line : body.split("\r?\n")) {
			if (line.length() > MAX_EVENT_LINE) {
				throw new Unavailable("its answer had a line longer than " + MAX_EVENT_LINE / 1024 + " KB");
			}
			if (!line.startsWith("data:")) {
				continue;
			}
			String data = line.substring(5).strip();
			if (data.equals("[DONE]")) {
				break;
			}
			JsonNode delta = readJson(data).path("choices").path(0).path("delta").path("content");
			if (delta.isString()) {
				content.append(delta.asString());
			}
		}
		return content.toString();
	}

	private JsonNode readJson(String text) throws Unavailable {
		try {
			return json.readTree(text);
		}
		catch (JacksonException e) {
			throw new Unavailable("its answer was not valid JSON");
		}
	}

	private JsonNode parse(String content) throws Unavailable {
		JsonNode node = readJson(stripFence(content));
		if (!node.isObject()) {
			throw new Unavailable("its answer was not a JSON object");
		}
		return node;
	}

	/** JSON mode on some servers still wraps the object in a Markdown code fence. */
	private static String stripFence(String content) {
		String text = content.strip();
		if (text.startsWith("```")) {
			text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		return text;
	}

	/**
	 * Retry-After in seconds or as an HTTP date; null when it asks for longer than the configured cap (that server
	 * is not waited for). An unreadable value gets a short pause.
	 */
	Duration retryAfter(String header) {
		Duration wait = RetryAfter.of(header);
		return wait.compareTo(settings.maxRetryWait()) > 0 ? null : wait;
	}

	private Duration backOff(int attempt) {
		return settings.backOff().multipliedBy(1L << Math.min(attempt, 6));
	}

	private static void pause(Duration wait) throws Unavailable {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("drafting was stopped");
		}
	}
}
