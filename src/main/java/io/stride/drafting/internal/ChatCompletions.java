package io.stride.drafting.internal;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenAI-compatible chat-completions endpoint: asks for one JSON object and returns it. Structured output
 * (a strict JSON schema) is asked for first; a server that refuses it gets plain JSON mode from then on. A 429 is
 * retried after its Retry-After (capped), a 5xx after a growing pause, a bounded number of times; every request
 * has a limit on the whole answer. Neither the key nor the source text ever goes into a log or an error message.
 */
final class ChatCompletions {

	/** Why the model could not be used, in words fit for an author (no key, no source text). */
	static final class Unavailable extends Exception {

		private final boolean timedOut;

		Unavailable(String reason, boolean timedOut) {
			super(reason, null, false, false);
			this.timedOut = timedOut;
		}

		boolean timedOut() {
			return timedOut;
		}
	}

	private final LlmSettings settings;

	private final JsonMapper json;

	private final HttpClient http;

	/** Set once the server refused structured output: the rest of this engine's requests use JSON mode. */
	private final AtomicBoolean schemaRefused = new AtomicBoolean();

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
	JsonNode ask(String instructions, String user, String schemaName, String schema) throws Unavailable {
		boolean jsonMode = schemaRefused.get();
		int attempt = 0;
		while (true) {
			Answer answer = send(request(instructions, user, schemaName, schema, jsonMode));
			if (answer.status() == 200) {
				return parse(answer.content());
			}
			if (answer.status() == 400 && !jsonMode && answer.content().contains("response_format")) {
				// the server does not do structured output: plain JSON mode, the schema described in the prompt
				schemaRefused.set(true);
				jsonMode = true;
				continue;
			}
			boolean retryable = answer.status() == 429 || answer.status() >= 500;
			if (!retryable || attempt >= settings.retries()) {
				throw new Unavailable("it answered HTTP " + answer.status()
						+ (retryable && attempt > 0 ? " after " + (attempt + 1) + " tries" : ""), false);
			}
			pause(answer.status() == 429 ? retryAfter(answer.retryAfter()) : backOff(attempt));
			attempt++;
		}
	}

	private record Answer(int status, String content, String retryAfter) {
	}

	private Map<String, Object> request(String instructions, String user, String schemaName, String schema, boolean jsonMode) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("model", settings.model());
		request.put("temperature", 0);
		request.put("seed", 7);
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

	private Answer send(Map<String, Object> request) throws Unavailable {
		HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/chat/completions"))
			.timeout(settings.timeout())
			.header("Content-Type", "application/json")
			.header("Accept", settings.stream() ? "text/event-stream" : "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
		if (!settings.apiKey().isBlank()) {
			call.header("Authorization", "Bearer " + settings.apiKey());
		}
		AtomicReference<Stream<String>> body = new AtomicReference<>();
		CompletableFuture<HttpResponse<Stream<String>>> sent = http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofLines());
		CompletableFuture<Answer> answer = sent.thenApply(response -> {
			body.set(response.body());
			return read(response);
		});
		try {
			// the limit covers the whole answer, not only its first byte
			return answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			// gives up the exchange, whether its headers came or not
			sent.cancel(true);
			answer.cancel(true);
			Stream<String> unfinished = body.get();
			if (unfinished != null) {
				// stops reading an answer that is still coming in
				unfinished.close();
			}
			throw timedOut();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("drafting was stopped", false);
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof HttpTimeoutException) {
				throw timedOut();
			}
			if (cause instanceof ConnectException) {
				throw new Unavailable("no connection to the configured address", false);
			}
			if (cause instanceof Unavailable unavailable) {
				throw unavailable;
			}
			if (cause instanceof CompletionException wrapped && wrapped.getCause() instanceof Unavailable unavailable) {
				throw unavailable;
			}
			throw new Unavailable("an error (" + cause.getClass().getSimpleName() + ")", false);
		}
	}

	private Unavailable timedOut() {
		return new Unavailable("it did not answer within " + settings.timeout().toSeconds() + " seconds", true);
	}

	/** The message content of a 200 answer, streamed or not; an error status keeps its body for the 400 check. */
	private Answer read(HttpResponse<Stream<String>> response) {
		String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
		try (Stream<String> lines = response.body()) {
			boolean streamed = response.headers()
				.firstValue("Content-Type")
				.map(type -> type.startsWith("text/event-stream"))
				.orElse(false);
			if (response.statusCode() != 200) {
				return new Answer(response.statusCode(), limited(lines), retryAfter);
			}
			return new Answer(200, streamed ? events(lines) : message(String.join("\n", lines.toList())), retryAfter);
		}
	}

	private static String limited(Stream<String> lines) {
		StringBuilder text = new StringBuilder();
		lines.takeWhile(line -> text.length() < 20_000).forEach(line -> text.append(line).append('\n'));
		return text.toString();
	}

	private String message(String body) {
		JsonNode content = readJson(body).path("choices").path(0).path("message").path("content");
		if (!content.isString()) {
			throw new CompletionException(new Unavailable("its answer had no message", false));
		}
		return content.asString();
	}

	/** Server-sent events: each {@code data:} line holds a chunk whose delta adds to the message. */
	private String events(Stream<String> lines) {
		StringBuilder content = new StringBuilder();
		for (String line : (Iterable<String>) lines::iterator) {
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

	private JsonNode readJson(String text) {
		try {
			return json.readTree(text);
		}
		catch (JacksonException e) {
			throw new CompletionException(new Unavailable("its answer was not valid JSON", false));
		}
	}

	private JsonNode parse(String content) throws Unavailable {
		try {
			JsonNode node = json.readTree(stripFence(content));
			if (!node.isObject()) {
				throw new Unavailable("its answer was not a JSON object", false);
			}
			return node;
		}
		catch (JacksonException e) {
			throw new Unavailable("its answer was not valid JSON", false);
		}
	}

	/** JSON mode on some servers still wraps the object in a Markdown code fence. */
	private static String stripFence(String content) {
		String text = content.strip();
		if (text.startsWith("```")) {
			text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		return text;
	}

	/** Retry-After in seconds or as an HTTP date, never longer than the configured cap. */
	Duration retryAfter(String header) {
		Duration wait = Duration.ofSeconds(1);
		if (header != null) {
			String value = header.strip();
			try {
				wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
			}
			catch (NumberFormatException notSeconds) {
				try {
					Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
					wait = Duration.between(Instant.now(), when);
					wait = wait.isNegative() ? Duration.ZERO : wait;
				}
				catch (DateTimeParseException notDate) {
					// an unreadable header: the short default pause
				}
			}
		}
		return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
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
			throw new Unavailable("drafting was stopped", false);
		}
	}
}
