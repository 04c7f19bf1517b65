package io.stride.journey;

import java.time.LocalDate;

import io.stride.capability.CapabilityId;
import io.stride.support.CapabilityRows;
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
 * Not the end-to-end journey (the lead writes that): a manager declares a ritual, prepares its session and
 * records a gap and an intervention on pages that pass axe-core and fit a phone; the owner finds it addressed to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerRecordsGapsAndInterventionsInARitualJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		browser = Browser.open(port, "ritual-session");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aManagerDeclaresAQbrAndRecordsAGapAndAnInterventionInItsSession() throws Exception {
		var objections = capabilityRows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
		// the colleague to pair with holds it
		capabilityRows.holds(org.learnerSubA(), objections, 1, null);
		signIn(org.email("manager-a"));
		browser.go("/teams/" + org.teamA().value() + "/rituals");
		assertThat(browser.text()).contains("No rituals yet");
		check();
		browser.select("#kind", "Quarterly business review");
		browser.select("#cadence", "Every quarter");
		browser.setValue("#firstDate", LocalDate.now().plusDays(1).toString());
		browser.setValue("#firstTime", "10:00");
		browser.type("#durationMinutes", "120");
		browser.type("#agendaMinutes", "30");
		browser.navigate("#declare");
		assertThat(browser.text()).contains("Declared “Quarterly business review”", "120 minutes, of which 30");
		check();
		browser.navigate("#meetings button");
		assertThat(browser.text()).contains("Read the pre-read", "No gaps recorded yet", "Interventions (0 of 3)");
		check();
		browser.select("#gap-capability", "Objection handling " + org.suffix());
		browser.navigate("#record-gap");
		assertThat(browser.text()).contains("Recorded the gap");
		browser.select("#kind", "Pair or shadow with someone who holds the capability");
		browser.select("#capabilityId", "Objection handling " + org.suffix());
		browser.select("#ownerId", "Learner A");
		browser.setValue("#dueOn", LocalDate.now().plusDays(30).toString());
		browser.type("#description", "Shadow two renewal calls");
		browser.select("#personId", "Learner A1");
		browser.navigate("#record-intervention");
		assertThat(browser.text()).contains("Interventions (1 of 3)", "Shadow two renewal calls");
		check();

		browser.close();
		browser = Browser.open(port, "ritual-session-owner");
		signIn(org.email("learner-a"));
		browser.go("/interventions");
		assertThat(browser.text()).contains("Addressed to you", "Shadow two renewal calls");
		check();
	}

	private void check() {
		browser.checkAccessibility();
		browser.checkFitsAPhone();
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
