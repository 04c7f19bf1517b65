package io.stride.journey;

import java.util.List;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.review.Reviews;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * L&D builds a track in the editor (a new track, two steps of different kinds, the second moved up by keyboard) and
 * publishes it; a manager re-sequences it for their team by keyboard, changes a step's pacing and saves. Every page
 * passes axe-core at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackEditorJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reviews reviews;

	@Autowired
	TrackDefinitions definitions;

	Org org;

	PersonId lnd;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() {
		org = fixtures.organization();
		lnd = fixtures.person(fixtures.admin(), "Lena L&D", "lnd", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviews.setUp(fixtures.admin(), lnd, "", true, false);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void learningTeamBuildsATrackAndAManagerResequencesItForTheirTeamByKeyboard() throws Exception {
		signIn("lnd");
		browser.windowSize(1280, 900);
		browser.go("/tracks/new");
		browser.checkAccessibility();
		browser.type("#title", "Customer Success Manager " + org.suffix());
		browser.type("#roleFamily", "Customer Success");
		browser.navigate("#create");
		assertThat(browser.path()).endsWith("/edit");
		TrackId track = new TrackId(browser.path().split("/")[2]);
		assertThat(browser.find("#no-steps").getText()).contains("No step yet");
		browser.checkAccessibility();

		browser.select("#new-kind", "A task observed at work");
		browser.type("#new-title", "Lead a discovery call");
		browser.navigate("#add-step-button");
		browser.select("#new-kind", "An activity outside Stride (a link)");
		browser.type("#new-title", "CSM certification");
		browser.type("#new-externalUrl", "https://example.org/csm");
		browser.select("#new-pacingRule", "Days after enrolment");
		browser.type("#new-pacingDays", "30");
		browser.navigate("#add-step-button");
		List<TrackStep> steps = definitions.steps(track);
		assertThat(steps).extracting(TrackStep::title).containsExactly("Lead a discovery call", "CSM certification");

		// by keyboard: the certification goes first, and the focus stays on its button
		browser.navigateByKeyboard("#move-up-" + steps.get(1).id());
		assertThat(browser.all("#step-list .step-title").stream().map(e -> e.getText()).toList())
			.containsExactly("CSM certification", "Lead a discovery call");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.windowSize(1280, 900);
		browser.navigate("#publish");
		assertThat(browser.find("#track-status").getText()).contains("Published, version 1");
		browser.close();

		signIn("manager-a");
		browser.go("/tracks/" + track.value() + "/teams/" + org.teamA().value());
		assertThat(browser.find("#version-state").getText()).contains("follows the organization’s track");
		browser.checkAccessibility();
		String certification = steps.get(1).id();
		String discovery = steps.get(0).id();
		browser.find("#team-down-" + certification).sendKeys(Keys.ENTER);
		assertThat(browser.find("#place-" + discovery).getAttribute("value")).isEqualTo("1");
		assertThat(browser.find("#place-" + certification).getAttribute("value")).isEqualTo("2");
		assertThat(browser.find("#order-status").getAttribute("textContent")).contains("to place 2");
		browser.type("#days-" + certification, "45");
		browser.type("#note", "Discovery first: the certification needs field time.");
		browser.navigate("#save-team");
		assertThat(browser.find("#version-state").getText()).contains("Your team’s version");
		assertThat(browser.find("#team-step-" + certification).getText()).contains("Changed: moved from 1 to 2")
			.contains("Changed: 45 days after enrolment instead of 30");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
	}

	private void signIn(String handle) throws Exception {
		browser = Browser.open(port, "track-editor");
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
