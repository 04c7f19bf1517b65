package io.stride.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.stride.StrideApplication;
import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Stride nodes on one database, as behind a load balancer: the test's own application is node A, and a second
 * application on another port is node B. A browser's session cookie works on either, whichever served the sign-in,
 * and outlives a node that is stopped and started again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedSessionsTests {

	private static final String READ_NOTICE = "Nothing was unread\\.|Marked \\d+ as read\\.";

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int nodeA;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startNodeB() {
		nodeB = startNode();
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void signedInOnOneNodeThePersonCarriesOnAndSignsOutOnAnother() throws Exception {
		var org = fixtures.organization();
		String session = signInWithTheForm(nodeA, org.email("learner-a"));

		RawHttp.Response learning = get(port(nodeB), "/learning", session);
		assertThat(learning.status()).isEqualTo(200);
		assertThat(learning.body()).contains("id=\"profile-link\"").contains(">Learner A</a>");

		// a form on node B with the CSRF token node B put in the page; its notice is shown after the redirect on node A
		RawHttp.Response marked = post(port(nodeB), "/notifications/read", session, "_csrf=" + csrf(learning));
		assertThat(marked.status()).isEqualTo(302);
		assertThat(marked.header("Location").orElseThrow()).endsWith("/notifications");
		RawHttp.Response notifications = get(nodeA, "/notifications", session);
		assertThat(notifications.status()).isEqualTo(200);
		assertThat(notifications.body()).containsPattern(READ_NOTICE);
		// what the sessions keep in the database never holds a password hash
		assertThat(jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes").query(byte[].class).list())
			.isNotEmpty()
			.noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains("$argon2"));

		RawHttp.Response signedOut = post(port(nodeB), "/logout", session, "_csrf=" + csrf(notifications));
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.header("Location").orElseThrow()).endsWith("/login?signedOut");

		RawHttp.Response afterwards = get(nodeA, "/learning", session);
		assertThat(afterwards.status()).isEqualTo(302);
		assertThat(afterwards.header("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aSessionOutlivesTheNodeThatServedIt() throws Exception {
		var org = fixtures.organization();
		String session = signInWithTheForm(port(nodeB), org.email("learner-b"));
		assertThat(get(port(nodeB), "/learning", session).status()).isEqualTo(200);

		nodeB.close();
		nodeB = startNode();

		RawHttp.Response learning = get(port(nodeB), "/learning", session);
		assertThat(learning.status()).isEqualTo(200);
		assertThat(learning.body()).contains(">Learner B</a>");
		RawHttp.Response marked = post(port(nodeB), "/notifications/read", session, "_csrf=" + csrf(learning));
		assertThat(marked.status()).isEqualTo(302);
		assertThat(get(nodeA, "/notifications", session).body()).containsPattern(READ_NOTICE);
	}

	@Test
	void aSessionLastsEightIdleHoursOnEveryNode() throws Exception {
		var org = fixtures.organization();
		String session = signInWithTheForm(nodeA, org.email("learner-a1"));
		String id = new String(Base64.getDecoder().decode(session.substring("JSESSIONID=".length())),
				StandardCharsets.UTF_8);
		assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?").param(id)
			.query(Long.class)
			.single()).isEqualTo(Duration.ofHours(8).toSeconds());

		// as if the person's last request had been nine hours ago
		long then = System.currentTimeMillis() - Duration.ofHours(9).toMillis();
		assertThat(jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE session_id = ?")
			.params(then, then + Duration.ofHours(8).toMillis(), id)
			.update()).isEqualTo(1);
		RawHttp.Response page = get(port(nodeB), "/learning", session);
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location").orElseThrow()).endsWith("/login");
	}

	/** A second Stride with the test's configuration (the same database) on a port of its own. */
	private static ConfigurableApplicationContext startNode() {
		return new SpringApplicationBuilder(StrideApplication.class).properties("server.port=0").run();
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** Signs in through the real form, with the CSRF token from the page, and returns the session cookie. */
	private static String signInWithTheForm(int port, String email) throws Exception {
		RawHttp.Response form = get(port, "/login", null);
		String before = cookie(form);
		RawHttp.Response signedIn = post(port, "/login", before, "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ "&password=" + Fixtures.PASSWORD + "&_csrf=" + csrf(form));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location").orElseThrow()).endsWith("/learning");
		// signing in gives the session a new id, against session fixation
		String session = cookie(signedIn);
		assertThat(session).isNotEqualTo(before);
		return session;
	}

	private static String cookie(RawHttp.Response response) {
		return response.headers("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.map(cookie -> cookie.split(";")[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headerLines()));
	}

	private static String csrf(RawHttp.Response page) {
		String token = page.body().replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		assertThat(token).doesNotContain("<");
		return URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	private static RawHttp.Response get(int port, String path, String session) throws Exception {
		return RawHttp.exchange(port, "GET", path, headers(port, session), null);
	}

	private static RawHttp.Response post(int port, String path, String session, String form) throws Exception {
		List<String> headers = headers(port, session);
		headers.add("Content-Type: application/x-www-form-urlencoded");
		return RawHttp.exchange(port, "POST", path, headers, form);
	}

	private static List<String> headers(int port, String session) {
		List<String> headers = new ArrayList<>(List.of("Host: localhost:" + port));
		if (session != null) {
			headers.add("Cookie: " + session);
		}
		return headers;
	}
}
