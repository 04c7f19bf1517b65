package io.stride.journey;

import java.util.Set;

import io.stride.identity.Erasure;
import io.stride.identity.PersonId;
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
 * An admin finds a person under People, sees the downloads of everything about them, and erases them after typing
 * their email; the pages pass axe-core on a desktop and on a 390 px phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminExportsAndErasesAPersonJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	PersonId ines;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Erasing Admin", "erasing-admin", org.suffix(), Set.of(), Set.of(), Role.ADMIN);
		ines = fixtures.person(fixtures.admin(), "Ines Varga " + org.suffix(), "ines", org.suffix(), Set.of(org.teamA()),
				Set.of());
		browser = Browser.open(port, "person-erasure");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void adminDownloadsEverythingAboutAPersonThenErasesThem() throws Exception {
		adminSignsInOnADesktop();
		findsInesUnderPeople();
		seesTheDownloadsAndOpensTheErasure();
		onAPhoneTypesTheWrongEmailAndIsStopped();
		typesHerEmailAndSheIsErased();
	}

	private void adminSignsInOnADesktop() {
		browser.windowSize(1280, 900);
		browser.go("/login");
		browser.type("#email", org.email("erasing-admin"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void findsInesUnderPeople() {
		browser.go("/admin/people?q=" + "ines-" + org.suffix());
		browser.navigate(browser.link("Ines Varga " + org.suffix()));
		assertThat(browser.path()).isEqualTo("/admin/people/" + ines.value());
	}

	private void seesTheDownloadsAndOpensTheErasure() throws Exception {
		assertThat(browser.find("#export-json").getText()).isEqualTo("Download everything about Ines Varga " + org.suffix() + " (JSON)");
		assertThat(browser.find("#export-csv").getAttribute("href")).endsWith("/export?format=csv");
		browser.screenshot("person-page");
		browser.checkAccessibility();
		browser.navigateByKeyboard("#erase-link");
		assertThat(browser.find("h1").getText()).isEqualTo("Erase Ines Varga " + org.suffix() + "?");
		assertThat(browser.text()).contains("Type " + org.email("ines") + " to confirm", "can no longer sign in");
		browser.checkAccessibility();
	}

	private void onAPhoneTypesTheWrongEmailAndIsStopped() throws Exception {
		browser.windowSize(390, 844);
		browser.type("#confirmation", "someone@stride.test");
		browser.navigateByKeyboard("#erase");
		assertThat(browser.find("#confirmation-error").getText()).isEqualTo("Type " + org.email("ines") + " to confirm.");
		assertThat(browser.find("#confirmation").getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("390-erasure-refused");
		browser.checkFitsWidth();
		browser.checkAccessibility();
	}

	private void typesHerEmailAndSheIsErased() {
		browser.type("#confirmation", org.email("ines"));
		browser.navigateByKeyboard("#erase");
		assertThat(browser.path()).isEqualTo("/admin/people");
		assertThat(browser.text()).contains("Ines Varga " + org.suffix() + " was erased",
				Erasure.Pseudonym.of(ines).name());
		browser.checkAccessibility();
	}
}
