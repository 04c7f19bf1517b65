package io.stride.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin makes a SCIM token for the identity provider on a desktop, copies it (it is shown once), sees when the
 * provider last used it, and revokes it on a phone after confirming; the provider is refused from then on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminConnectsAnIdentityProviderWithAScimTokenJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	Browser browser;

	String token;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Ines Admin", "scim-admin", org.suffix(), Set.of(org.teamA()), Set.of(), Role.ADMIN);
		browser = Browser.open(port, "scim-token");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void adminMakesATokenSeesItOnceAndRevokesIt() throws Exception {
		adminSignsInOnADesktop();
		opensScimProvisioningFromTheAdminNavigation();
		makesATokenAndSeesItOnce();
		theProviderUsesItAndTheAdminSeesWhen();
		revokesItOnAPhoneAfterConfirming();
		theProviderIsRefused();
	}

	private void adminSignsInOnADesktop() {
		browser.windowSize(1280, 900);
		browser.go("/login");
		browser.type("#email", org.email("scim-admin"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void opensScimProvisioningFromTheAdminNavigation() throws Exception {
		browser.go("/admin/people");
		browser.navigate(browser.link("SCIM provisioning"));
		assertThat(browser.path()).isEqualTo("/admin/scim");
		assertThat(browser.find("h1").getText()).isEqualTo("SCIM provisioning");
		assertThat(browser.find("#scim-url").getText()).endsWith("/scim/v2");
		browser.screenshot("empty");
		browser.checkAccessibility();
	}

	private void makesATokenAndSeesItOnce() throws Exception {
		browser.type("#name", "Okta " + org.suffix());
		browser.navigate("#make-token");
		token = browser.find("#token").getDomProperty("value");
		assertThat(token).startsWith("scim_").hasSizeGreaterThan(40);
		assertThat(browser.find("#new-token-heading").getText()).contains("Okta " + org.suffix());
		browser.screenshot("shown-once");
		browser.checkAccessibility();
		browser.reload();
		assertThat(browser.all("#token")).as("shown only once").isEmpty();
		assertThat(browser.text()).doesNotContain(token);
		assertThat(row().getText()).contains("never", "in use");
	}

	private void theProviderUsesItAndTheAdminSeesWhen() throws Exception {
		assertThat(scimUsers(token)).isEqualTo(200);
		browser.reload();
		assertThat(row().getText()).doesNotContain("never").contains("UTC");
	}

	private void revokesItOnAPhoneAfterConfirming() throws Exception {
		browser.windowSize(390, 844);
		browser.navigate(row().findElement(By.linkText("Revoke")));
		assertThat(browser.find("h1").getText()).contains("Okta " + org.suffix());
		browser.screenshot("390-confirm");
		browser.checkAccessibility();
		browser.navigateByKeyboard("#revoke");
		assertThat(browser.path()).isEqualTo("/admin/scim");
		assertThat(browser.find("p.notice").getText()).contains("Revoked");
		assertThat(row().getText()).contains("revoked");
		assertThat(row().findElements(By.linkText("Revoke"))).isEmpty();
		browser.screenshot("390-revoked");
		browser.checkAccessibility();
	}

	private void theProviderIsRefused() throws Exception {
		assertThat(scimUsers(token)).isEqualTo(401);
	}

	private WebElement row() {
		return browser.all("#tokens tbody tr")
			.stream()
			.filter(tr -> tr.getText().contains("Okta " + org.suffix()))
			.findFirst()
			.orElseThrow();
	}

	private int scimUsers(String bearer) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2/Users?count=1"))
				.header("Authorization", "Bearer " + bearer)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}
}
