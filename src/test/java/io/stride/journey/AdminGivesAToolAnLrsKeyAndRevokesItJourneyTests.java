package io.stride.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin gives a flight simulator a key for the LRS on the admin page, copies the secret shown once, the simulator
 * sends a statement with it, and the admin revokes the key after confirming: the simulator is refused at once. Every
 * page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminGivesAToolAnLrsKeyAndRevokesItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	Browser browser;

	String tool;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "LRS Admin", "lrs-admin", org.suffix(), java.util.Set.of(), java.util.Set.of(),
				Role.ADMIN);
		tool = "Flight simulator " + org.suffix();
		browser = Browser.open(port, "lrs-key");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void adminGivesAToolAnLrsKeyAndRevokesIt() throws Exception {
		signsIn();
		browser.navigate(browser.link("xAPI (LRS)"));
		assertThat(browser.find("h1").getText()).isEqualTo("xAPI (LRS)");
		browser.checkAccessibility();

		// without a scope nothing is created, and the field says why
		browser.type("#client-name", tool);
		browser.click("#scope-0");
		browser.navigate("#create-client");
		assertThat(browser.find("#scopes-error").getText()).isEqualTo("Choose at least one scope.");
		browser.checkAccessibility();
		browser.click("#scope-0");
		browser.navigate("#create-client");
		assertThat(browser.text()).contains("Copy the secret now: it is shown only once.");
		String key = browser.find("#client-key").getDomProperty("value");
		String secret = browser.find("#client-secret").getDomProperty("value");
		assertThat(browser.find("#clients").getText()).contains(tool).contains("statements/write");
		browser.checkAccessibility();

		assertThat(sendsAStatement(key, secret)).isEqualTo(200);
		browser.go("/admin/xapi");
		assertThat(browser.text()).doesNotContain(secret);

		browser.navigate(browser.find("a[aria-label='Revoke the key of " + tool + "']"));
		assertThat(browser.find("h1").getText()).isEqualTo("Revoke the key of “" + tool + "”?");
		browser.checkAccessibility();
		browser.navigate("#revoke");
		assertThat(browser.text()).contains("Revoked: the key is refused from now on.");
		assertThat(sendsAStatement(key, secret)).isEqualTo(401);
	}

	private void signsIn() {
		browser.go("/login");
		browser.type("#email", org.email("lrs-admin"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		browser.go("/admin/people");
	}

	private int sendsAStatement(String key, String secret) throws Exception {
		String statement = "{\"actor\":{\"mbox\":\"mailto:pilot@sim.example\"},\"verb\":{\"id\":"
				+ "\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"http://sim.example/landing\"}}";
		HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
				+ port + "/xapi/statements"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("X-Experience-API-Version", "1.0.3")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(statement))
			.build(), HttpResponse.BodyHandlers.ofString());
		return sent.statusCode();
	}
}
