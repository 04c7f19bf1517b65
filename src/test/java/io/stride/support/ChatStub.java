package io.stride.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that speaks the OpenAI chat-completions protocol for the language-model tests: it records every
 * request and answers as {@code replies} says, at once, late, or trickling its body in after the headers.
 */
public final class ChatStub implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HEADING = Pattern.compile("Its heading in the source: \\\\\"([^\\\\]+)\\\\\"");

	/** One request as the stub saw it. */
	public record Request(String body, String auth, long atMillis) {

		public boolean module(String heading) {
			return body.contains("Its heading in the source: \\\"" + heading + "\\\"");
		}

		public String heading() {
			Matcher m = HEADING.matcher(body);
			return m.find() ? m.group(1) : null;
		}

		public boolean courseText() {
			return body.contains("The source's title");
		}

		/** The user message: what the engine asked. */
		public String user() {
			return JSON.readTree(body).path("messages").path(1).path("content").asString();
		}

		@Override
		public String toString() {
			return heading() != null ? "module " + heading() : courseText() ? "course text" : "request";
		}
	}

	/**
	 * One answer: its status, body and headers, sent after {@code delayMillis}; with {@code trickleMillis} the headers
	 * go at once and the body follows a byte at a time over that long.
	 */
	public record Reply(int status, String body, Map<String, String> headers, long delayMillis, long trickleMillis) {

		public Reply(int status, String body, Map<String, String> headers, long delayMillis) {
			this(status, body, headers, delayMillis, 0);
		}

		public static Reply ok(String content) {
			return new Reply(200, completion(content), Map.of("Content-Type", "application/json"), 0);
		}

		public static Reply trickling(String content, long overMillis) {
			return new Reply(200, completion(content), Map.of("Content-Type", "application/json"), 0, overMillis);
		}
	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private volatile Function<Request, Reply> replies = request -> new Reply(500, "{}", Map.of(), 0);

	public ChatStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.setExecutor(threads);
		server.createContext("/v1/chat/completions", exchange -> {
			Request request = new Request(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("Authorization"), System.currentTimeMillis());
			requests.add(request);
			Reply reply = replies.apply(request);
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			try (OutputStream out = exchange.getResponseBody()) {
				sleep(reply.delayMillis());
				if (reply.trickleMillis() > 0) {
					exchange.sendResponseHeaders(reply.status(), 0);
					long each = Math.max(1, reply.trickleMillis() / body.length);
					for (byte b : body) {
						out.write(b);
						out.flush();
						sleep(each);
					}
				}
				else {
					exchange.sendResponseHeaders(reply.status(), body.length);
					out.write(body);
				}
			}
			catch (IOException gone) {
				// the engine stopped waiting
			}
		});
		server.start();
	}

	/** The base URL to configure, ending in /v1. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	public void answer(Function<Request, Reply> newReplies) {
		this.replies = newReplies;
	}

	public List<Request> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	public static String completion(String content) {
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "choices",
				List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content)))));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
