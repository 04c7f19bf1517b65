package io.stride.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outside LRS over real HTTP on a loopback port, as much of xAPI as forwarding meets: {@code POST
 * /xapi/statements} with HTTP Basic and the version header, a statement or an array of them, kept by id (the same id
 * again with the same content is accepted, with other content 409), answered with the ids. It can go down (the port
 * closes: connections are refused) and come back on the same port.
 */
public final class LrsStub implements AutoCloseable {

	private final JsonMapper json = JsonMapper.builder().build();

	private final String user;

	private final String password;

	/** The statements it holds, in the order they came. */
	final Map<String, JsonNode> stored = new LinkedHashMap<>();

	final List<Map<String, List<String>>> requestHeaders = new ArrayList<>();

	private int port;

	private HttpServer server;

	public LrsStub(String user, String password) throws IOException {
		this.user = user;
		this.password = password;
		start();
	}

	public synchronized void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		port = server.getAddress().getPort();
		server.createContext("/xapi/statements", this::statements);
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.start();
	}

	/** Down: the port is closed, so connecting is refused. */
	public synchronized void stop() {
		server.stop(0);
	}

	public String endpoint() {
		return "http://127.0.0.1:" + port + "/xapi/";
	}

	public synchronized List<String> ids() {
		return List.copyOf(stored.keySet());
	}

	private void statements(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String expected = "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				answer(exchange, 401, "{\"error\":\"unknown credentials\"}");
				return;
			}
			if (!"1.0.3".equals(exchange.getRequestHeaders().getFirst("X-Experience-API-Version"))
					|| !"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 400, "{\"error\":\"xAPI 1.0.3 POST only\"}");
				return;
			}
			JsonNode sent = json.readTree(body);
			List<JsonNode> statements = new ArrayList<>();
			if (sent.isArray()) {
				sent.forEach(statements::add);
			}
			else {
				statements.add(sent);
			}
			synchronized (this) {
				requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
				for (JsonNode s : statements) {
					JsonNode had = stored.get(s.get("id").asString());
					if (had != null && !had.equals(s)) {
						answer(exchange, 409, "{\"error\":\"another statement has this id\"}");
						return;
					}
				}
				statements.forEach(s -> stored.put(s.get("id").asString(), s));
			}
			answer(exchange, 200, json.writeValueAsString(statements.stream().map(s -> s.get("id").asString()).toList()));
		}
		finally {
			exchange.close();
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("X-Experience-API-Version", "1.0.3");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		stop();
	}
}
