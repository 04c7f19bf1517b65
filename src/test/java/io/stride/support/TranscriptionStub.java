package io.stride.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that speaks the OpenAI-compatible {@code POST /v1/audio/transcriptions} protocol for the recording
 * tests. It records every request (its headers, form fields, the file's name and size) and answers from a queue of
 * scripted replies, then, once the queue is empty, as {@link #answerEach} says (by default with a 500):
 * <pre>
 * stub.enqueue(Reply.tooManyRequests("2"), Reply.segments(seg(0, 2.5, "Hello."), seg(2.5, 4, "Refunds first.")));
 * stub.answerEachWith(List.of(seg(0, 3, "Chunk {n} begins."), seg(3, 6, "Chunk {n} ends.")));
 * </pre>
 */
public final class TranscriptionStub implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

	private static final Pattern DISPOSITION_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern DISPOSITION_FILE = Pattern.compile("\\bfilename=\"([^\"]*)\"");

	/** What was said between two moments, in seconds, as the protocol gives it. */
	public record Seg(double start, double end, String text) {
	}

	public static Seg seg(double start, double end, String text) {
		return new Seg(start, end, text);
	}

	/**
	 * One request as the stub saw it. {@code n} counts the requests from 1; {@code contentLength} is the header as
	 * sent (null for a chunked upload), {@code bodyBytes} what arrived; {@code fields} are the form's text parts
	 * (a repeated name keeps its last value); the file is seen by its name, type and size only.
	 */
	public record Request(int n, String method, String path, String query, String authorization, String apiKey,
			String contentType, String contentLength, long bodyBytes, Map<String, String> fields, String fileName,
			String fileType, long fileBytes, long atMillis) {

		public String field(String name) {
			return fields.get(name);
		}

		/**
		 * How long the WAV sent plays, from its size, for 16 kHz mono 16-bit audio after a 44-byte header: what a
		 * reply covering the whole chunk needs.
		 */
		public double wavSeconds() {
			return Math.max(0, fileBytes - 44) / 32_000.0;
		}
	}

	/**
	 * One answer: its status, body and headers, sent after {@code delay}; {@code hangs} never answers (until the
	 * stub closes); {@code stalls} sends the headers and the first half of the body, then nothing more.
	 */
	public record Reply(int status, String body, Map<String, String> headers, Duration delay, boolean hangs,
			boolean stalls) {

		public Reply(int status, String body, Map<String, String> headers, Duration delay, boolean hangs) {
			this(status, body, headers, delay, hangs, false);
		}

		/** A verbose_json transcript of these segments, as OpenAI's Whisper API gives it. */
		public static Reply segments(Seg... segments) {
			return segments(List.of(segments));
		}

		public static Reply segments(List<Seg> segments) {
			List<Map<String, Object>> parts = new ArrayList<>();
			StringBuilder text = new StringBuilder();
			double duration = 0;
			for (Seg s : segments) {
				Map<String, Object> part = new LinkedHashMap<>();
				part.put("id", parts.size());
				part.put("seek", 0);
				part.put("start", s.start());
				part.put("end", s.end());
				// Whisper's segments start with a space
				part.put("text", " " + s.text());
				part.put("tokens", List.of(50364, 2425));
				part.put("temperature", 0.0);
				part.put("avg_logprob", -0.21);
				part.put("compression_ratio", 1.3);
				part.put("no_speech_prob", 0.01);
				parts.add(part);
				text.append(' ').append(s.text());
				duration = Math.max(duration, s.end());
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("task", "transcribe");
			body.put("language", "english");
			body.put("duration", duration);
			body.put("text", text.toString().strip());
			body.put("segments", parts);
			return json(200, JSON.writeValueAsString(body));
		}

		/** Only the text, as some servers answer: with its duration when {@code seconds} is positive. */
		public static Reply textOnly(String text, double seconds) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("text", text);
			if (seconds > 0) {
				body.put("duration", seconds);
			}
			return json(200, JSON.writeValueAsString(body));
		}

		/** A 429 with this Retry-After (seconds or an HTTP date); null sends none. */
		public static Reply tooManyRequests(String retryAfter) {
			Reply reply = error(429, "Rate limit reached for requests");
			return retryAfter == null ? reply : reply.withHeader("Retry-After", retryAfter);
		}

		public static Reply serverError() {
			return error(500, "The server had an error while processing your request.");
		}

		/** An error status with an OpenAI-style body, {@code {"error":{"message":…}}}. */
		public static Reply error(int status, String message) {
			return json(status, JSON.writeValueAsString(Map.of("error",
					Map.of("message", message, "type", "invalid_request_error", "param", "", "code", ""))));
		}

		/** A 200 whose body breaks off in the middle of the JSON. */
		public static Reply malformed() {
			return json(200, "{\"task\":\"transcribe\",\"segments\":[{\"start\":0.0,\"end\":");
		}

		/** Never answers: the client has to give up by itself. */
		public static Reply hang() {
			return new Reply(200, "", Map.of(), Duration.ZERO, true);
		}

		/** Starts a transcript, then sends nothing more: a limit on the headers alone would wait forever. */
		public static Reply stallsAfterHeaders(Seg... segments) {
			Reply whole = segments(segments);
			return new Reply(200, whole.body(), whole.headers(), Duration.ZERO, false, true);
		}

		public static Reply json(int status, String body) {
			return new Reply(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO, false);
		}

		/** The same answer, sent only after {@code wait}: a slow server. */
		public Reply after(Duration wait) {
			return new Reply(status, body, headers, wait, hangs, stalls);
		}

		public Reply withHeader(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(headers);
			more.put(name, value);
			return new Reply(status, body, Map.copyOf(more), delay, hangs, stalls);
		}
	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final Deque<Reply> queue = new ArrayDeque<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile Function<Request, Reply> each = request -> Reply.serverError();

	public TranscriptionStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	/** The base URL to configure, ending in /v1. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	/** Replies for the next requests, in order; each is used once. */
	public TranscriptionStub enqueue(Reply... replies) {
		synchronized (queue) {
			queue.addAll(List.of(replies));
		}
		return this;
	}

	/** How every request is answered once the queue is empty. */
	public TranscriptionStub answerEach(Function<Request, Reply> replies) {
		this.each = replies;
		return this;
	}

	/**
	 * Every request (once the queue is empty) answered with these segments, "{n}" in their text replaced by the
	 * request's number (1, 2, …): chunks transcribed in turn come back told apart, for checking how they are stitched.
	 */
	public TranscriptionStub answerEachWith(List<Seg> segments) {
		return answerEach(request -> Reply.segments(segments.stream()
			.map(s -> new Seg(s.start(), s.end(), s.text().replace("{n}", Integer.toString(request.n()))))
			.toList()));
	}

	public List<Request> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	public Request lastRequest() {
		List<Request> all = requests();
		return all.isEmpty() ? null : all.getLast();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Request request = request(exchange);
		Reply reply;
		synchronized (queue) {
			reply = queue.isEmpty() ? null : queue.poll();
		}
		if (reply == null) {
			reply = each.apply(request);
		}
		try (OutputStream out = exchange.getResponseBody()) {
			if (reply.hangs()) {
				closing.await();
				return;
			}
			if (!reply.delay().isZero() && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			if (reply.stalls()) {
				exchange.sendResponseHeaders(reply.status(), 0);
				out.write(body, 0, body.length / 2);
				out.flush();
				closing.await();
				return;
			}
			exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
			out.write(body);
		}
		catch (IOException gone) {
			// the client stopped waiting
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private Request request(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		Map<String, String> fields = new LinkedHashMap<>();
		String fileName = null;
		String fileType = null;
		long fileBytes = -1;
		Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
		if (contentType != null && contentType.startsWith("multipart/form-data") && boundary.find()) {
			// ISO-8859-1 keeps one char per byte, so part lengths are the bytes sent
			String all = new String(body, StandardCharsets.ISO_8859_1);
			String[] parts = all.split(Pattern.quote("--" + boundary.group(1)));
			for (String part : parts) {
				int headersEnd = part.indexOf("\r\n\r\n");
				if (headersEnd < 0) {
					continue;
				}
				String headers = part.substring(0, headersEnd);
				String content = part.substring(headersEnd + 4);
				content = content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
				Matcher name = DISPOSITION_NAME.matcher(headers);
				Matcher file = DISPOSITION_FILE.matcher(headers);
				if (file.find()) {
					fileName = file.group(1);
					fileBytes = content.length();
					Matcher type = Pattern.compile("(?i)Content-Type:\\s*(\\S+)").matcher(headers);
					fileType = type.find() ? type.group(1) : null;
				}
				else if (name.find()) {
					fields.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
				}
			}
		}
		Request request;
		synchronized (requests) {
			request = new Request(requests.size() + 1, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("api-key"), contentType,
					exchange.getRequestHeaders().getFirst("Content-Length"), body.length, Map.copyOf(fields), fileName,
					fileType, fileBytes, System.currentTimeMillis());
			requests.add(request);
		}
		return request;
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
		threads.shutdownNow();
	}
}
