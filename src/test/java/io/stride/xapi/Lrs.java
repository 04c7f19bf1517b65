package io.stride.xapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small xAPI client over real HTTP, for tests: one per key. */
final class Lrs {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String base;

	final String authorization;

	Lrs(int port, String key, String secret) {
		this.base = "http://127.0.0.1:" + port;
		this.authorization = key == null ? null
				: "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** Creates a client through Stride's API with an admin's bearer token. */
	static Lrs client(int port, String adminToken, String name, String... scopes) throws Exception {
		StringBuilder body = new StringBuilder("{\"name\":\"" + name + "\",\"scopes\":[");
		for (int i = 0; i < scopes.length; i++) {
			body.append(i == 0 ? "" : ",").append('"').append(scopes[i]).append('"');
		}
		body.append("]}");
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/xapi/clients"))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException(created.statusCode() + " " + created.body());
		}
		JsonNode answer = JSON.readTree(created.body());
		Lrs lrs = new Lrs(port, answer.get("key").asString(), answer.get("secret").asString());
		lrs.id = answer.get("id").asString();
		return lrs;
	}

	String id;

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
			.header("X-Experience-API-Version", "1.0.3");
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return b;
	}

	HttpResponse<String> get(String path) throws Exception {
		return send(request(path).GET());
	}

	HttpResponse<String> post(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> put(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
