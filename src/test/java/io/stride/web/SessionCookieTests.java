package io.stride.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	Fixtures fixtures;

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

	@Test
	void aBearerTokenOnAPageCreatesNoSession() throws Exception {
		String token = fixtures.token(fixtures.organization().learnerA());
		for (String path : List.of("/learning", "/profile")) {
			RawHttp.Response page = RawHttp.exchange(port, "GET", path,
					List.of("Host: localhost:" + port, "Authorization: Bearer " + token), null);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.headers("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
		}
	}

	@Test
	void redirectsNeverPointAtTheHostTheRequestNamed() throws Exception {
		var org = fixtures.organization();
		List<String> evil = List.of("Host: evil.example");
		RawHttp.Response toSignIn = RawHttp.exchange(port, "GET", "/learning", evil, null);
		assertThat(toSignIn.status()).isEqualTo(302);
		assertSafe(toSignIn.header("Location").orElseThrow());
		String session = toSignIn.header("Set-Cookie").orElseThrow().split(";")[0];
		RawHttp.Response form = RawHttp.exchange(port, "GET", "/login", List.of("Host: evil.example", "Cookie: " + session),
				null);
		String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		RawHttp.Response signedIn = RawHttp.exchange(port, "POST", "/login",
				List.of("Host: evil.example", "Cookie: " + session, "Content-Type: application/x-www-form-urlencoded"),
				"email=" + java.net.URLEncoder.encode(org.email("learner-a"), java.nio.charset.StandardCharsets.UTF_8)
						+ "&password=" + Fixtures.PASSWORD + "&_csrf=" + csrf);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location").orElseThrow()).contains("/learning");
		assertSafe(signedIn.header("Location").orElseThrow());
		String signedInSession = signedIn.header("Set-Cookie").orElse(session).split(";")[0];
		RawHttp.Response page = RawHttp.exchange(port, "GET", "/learning",
				List.of("Host: evil.example", "Cookie: " + signedInSession), null);
		String pageCsrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		RawHttp.Response signedOut = RawHttp.exchange(port, "POST", "/logout",
				List.of("Host: evil.example", "Cookie: " + signedInSession, "Content-Type: application/x-www-form-urlencoded"),
				"_csrf=" + pageCsrf);
		assertThat(signedOut.status()).isEqualTo(302);
		assertSafe(signedOut.header("Location").orElseThrow());
	}

	private static void assertSafe(String location) {
		assertThat(location).doesNotContain("evil.example")
			.satisfiesAnyOf(l -> assertThat(l).startsWith("/").doesNotStartWith("//"),
					l -> assertThat(l).startsWith("http://localhost:8080/"));
	}

	@Test
	void aForwardedForHeaderIsIgnoredUnlessAProxyIsTrusted() throws Exception {
		var org = fixtures.organization();
		for (int i = 0; i < 10; i++) {
			RawHttp.Response failed = signIn(org.email("learner-" + i), "wrong-password", "X-Forwarded-For: 198.51.100." + i);
			assertThat(failed.status()).isEqualTo(401);
		}
		// ten failures from one real address, whatever the header claimed
		RawHttp.Response refused = signIn(org.email("learner-a"), Fixtures.PASSWORD, "X-Forwarded-For: 198.51.100.77");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("from your network address");
		// the right password after the wait clears the address for the other tests on this loopback
		Thread.sleep(1_100);
		assertThat(signIn(org.email("learner-a"), Fixtures.PASSWORD, "X-Forwarded-For: 198.51.100.78").status())
			.isEqualTo(201);
	}

	private RawHttp.Response signIn(String email, String password, String header) throws Exception {
		return RawHttp.exchange(port, "POST", "/api/v1/auth/token",
				List.of("Host: localhost", "Content-Type: application/json", header),
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
	}
}
