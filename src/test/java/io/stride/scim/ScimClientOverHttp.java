package io.stride.scim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks SCIM to Stride over real HTTP as an identity provider does: JSON bodies, a bearer token, ETags. */
final class ScimClientOverHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String token;

	ScimClientOverHttp(int port, String token) {
		this.port = port;
		this.token = token;
	}

	record Answer(int status, String contentType, String etag, String location, String text) {

		JsonNode json() {
			return JSON.readTree(text);
		}
	}

	Answer get(String path) throws IOException, InterruptedException {
		return send("GET", path, null, null);
	}

	Answer post(String path, String body) throws IOException, InterruptedException {
		return send("POST", path, body, null);
	}

	Answer put(String path, String body, String ifMatch) throws IOException, InterruptedException {
		return send("PUT", path, body, ifMatch);
	}

	Answer patch(String path, String body) throws IOException, InterruptedException {
		return send("PATCH", path, body, null);
	}

	Answer patch(String path, String body, String ifMatch) throws IOException, InterruptedException {
		return send("PATCH", path, body, ifMatch);
	}

	Answer delete(String path) throws IOException, InterruptedException {
		return send("DELETE", path, null, null);
	}

	Answer getIfNoneMatch(String path, String etag) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2" + path))
			.header("Authorization", "Bearer " + token)
			.header("If-None-Match", etag)
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("ETag").orElse(null), null, response.body());
	}

	Answer send(String method, String path, String body, String ifMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2" + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/scim+json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/scim+json");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("ETag").orElse(null), response.headers().firstValue("Location").orElse(null),
				response.body());
	}

	static String query(String filter) {
		return URLEncoder.encode(filter, StandardCharsets.UTF_8);
	}
}
