package io.stride.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, because cookie attributes are written by the servlet container.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

	@LocalServerPort
	int port;

	@Test
	void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void apiDocumentationIsPublished() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("/api/v1/auth/token", "/api/v1/courses/{id}/attempts",
				"/api/v1/teams/{id}/progress", "/api/v1/me/learning", "bearer");
	}
}
