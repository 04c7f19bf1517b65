package io.stride.journey;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other side of an exported package, over real HTTP on loopback (JDK HttpServer): serves the unzipped package
 * under {@code /package/}, the test LMS page under {@code /lms/} with the commits its SCORM runtime sends
 * ({@code /commit}), and, for cmi5, a small LRS: the fetch URL that hands out the auth token, the State resource
 * with {@code LMS.LaunchData}, and the Statements resource that keeps what it is sent.
 */
final class PackageHost implements AutoCloseable {

	static final String TOKEN = "ZXhwb3J0LXRlc3Q6c2VjcmV0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Path content;

	private final Map<String, String> commits = new ConcurrentHashMap<>();

	private final Map<String, byte[]> states = new ConcurrentHashMap<>();

	final List<JsonNode> statements = new CopyOnWriteArrayList<>();

	/** Authorization headers the LRS was sent, one per request. */
	final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile String launchData = "{}";

	PackageHost(Path content) throws IOException {
		this.content = content;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/package/", this::file);
		server.createContext("/lms/", this::lms);
		server.createContext("/commit", this::commit);
		server.createContext("/saved", this::saved);
		server.createContext("/fetch", this::fetch);
		server.createContext("/lrs/", this::lrs);
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	String base() {
		// the name the browser opens the package by: the LRS shares the package's origin, so no CORS is involved
		return "http://localhost:" + port();
	}

	void launchData(String json) {
		launchData = json;
	}

	/** The last commit of the SCORM runtime, flattened ({@code cmi.core.lesson_status} → value). */
	JsonNode lastCommit(String version) {
		String body = commits.get(version);
		return body == null ? null : JSON.readTree(body);
	}

	/** Waits for the LMS's runtime to send its commit over HTTP (it does so in the background). */
	void waitForCommit(String version) throws InterruptedException {
		for (int i = 0; i < 100 && !commits.containsKey(version); i++) {
			Thread.sleep(100);
		}
	}

	private void file(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/package/".length());
		Path file = content.resolve(path).normalize();
		if (!file.startsWith(content) || !Files.isRegularFile(file)) {
			send(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
			return;
		}
		send(exchange, 200, type(path), Files.readAllBytes(file));
	}

	private void lms(HttpExchange exchange) throws IOException {
		String name = exchange.getRequestURI().getPath().substring("/lms/".length());
		try (InputStream in = PackageHost.class.getResourceAsStream("/packages/lms/" + name)) {
			if (in == null || name.contains("..")) {
				send(exchange, 404, "text/plain", new byte[0]);
				return;
			}
			send(exchange, 200, type(name), in.readAllBytes());
		}
	}

	private void commit(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		commits.put(query(exchange, "version"), body);
		send(exchange, 200, "application/json", "{\"result\":true,\"errorCode\":0}".getBytes(StandardCharsets.UTF_8));
	}

	private void saved(HttpExchange exchange) throws IOException {
		String body = commits.getOrDefault(query(exchange, "version"), "{}");
		send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	private void fetch(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			send(exchange, 405, "application/json", new byte[0]);
			return;
		}
		send(exchange, 200, "application/json",
				("{\"auth-token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	private void lrs(HttpExchange exchange) throws IOException {
		authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String resource = exchange.getRequestURI().getPath().substring("/lrs/".length());
		String method = exchange.getRequestMethod();
		if ("OPTIONS".equals(method)) {
			send(exchange, 204, "text/plain", new byte[0]);
			return;
		}
		switch (resource) {
			case "statements" -> {
				if (!"POST".equals(method) && !"PUT".equals(method)) {
					send(exchange, 405, "application/json", new byte[0]);
					return;
				}
				JsonNode statement = JSON.readTree(exchange.getRequestBody().readAllBytes());
				statements.add(statement);
				send(exchange, "PUT".equals(method) ? 204 : 200, "application/json",
						("[\"" + statement.path("id").asString() + "\"]").getBytes(StandardCharsets.UTF_8));
			}
			case "activities/state" -> {
				String stateId = query(exchange, "stateId");
				if ("GET".equals(method)) {
					byte[] state = "LMS.LaunchData".equals(stateId) ? launchData.getBytes(StandardCharsets.UTF_8)
							: states.get(stateId);
					if (state == null) {
						send(exchange, 404, "application/json", new byte[0]);
						return;
					}
					send(exchange, 200, "application/json", state);
				}
				else {
					states.put(stateId, exchange.getRequestBody().readAllBytes());
					send(exchange, 204, "application/json", new byte[0]);
				}
			}
			default -> send(exchange, 404, "application/json", new byte[0]);
		}
	}

	private static String query(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getQuery();
		if (query == null) {
			return "";
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	private static String type(String name) {
		if (name.endsWith(".html")) {
			return "text/html; charset=utf-8";
		}
		if (name.endsWith(".js")) {
			return "text/javascript; charset=utf-8";
		}
		if (name.endsWith(".css")) {
			return "text/css; charset=utf-8";
		}
		if (name.endsWith(".png")) {
			return "image/png";
		}
		if (name.endsWith(".jpg")) {
			return "image/jpeg";
		}
		return "application/octet-stream";
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("X-Experience-API-Version", "1.0.3");
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
