package io.stride.journey;

import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.cycles.Goal;
import io.stride.cycles.Visibility;
import io.stride.cycles.ValidationFixtures;
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
 * A learner asks a colleague who holds the level to validate a goal; the colleague reads the evidence in their inbox
 * and validates it, and the learner's capability level rises. The learner then looks for help and a teammate offers
 * it from the team's help requests. Every page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ColleaguesValidateAGoalAndHelpEachOtherJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ValidationFixtures rows;

	Org org;

	CapabilityId capability;

	Goal goal;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		capability = rows.validatedCapability("Customer workshops " + org.suffix(), 1);
		rows.holds(org.learnerB(), capability, 3);
		goal = rows.goal(fixtures.viewer(org.learnerA()), Visibility.TEAM, "Run customer workshops on my own",
				capability, 2, List.of(org.learnerB()));
		rows.produced(goal, "Workshop agenda", "https://docs.example.com/agenda");
		rows.checkIn(goal, "Ran the second workshop without notes", 80);
		browser = Browser.open(port, "validation-and-help");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aColleagueValidatesTheGoalTheLevelRisesAndATeammateOffersHelp() throws Exception {
		signIn(org.email("learner-a"));
		browser.go("/goals/" + goal.id().value() + "/validation");
		browser.checkAccessibility();
		browser.click("#suggested-0");
		browser.type("#message", "You watched both workshops");
		browser.navigate("#ask-form button[type=submit]");
		assertThat(browser.text()).contains("Asked Learner B", "Waiting for an answer");
		browser.checkAccessibility();
		signOut();

		signIn(org.email("learner-b"));
		browser.go("/validations");
		assertThat(browser.text()).contains("Run customer workshops on my own", "Ran the second workshop without notes",
				"Workshop agenda", "Your validation also counts toward Customer workshops " + org.suffix());
		browser.checkAccessibility();
		browser.click("#open-requests input[value=VALIDATED]");
		browser.navigate("#open-requests button[type=submit]");
		assertThat(browser.text()).contains("Say what you saw");
		browser.checkAccessibility();
		browser.type("#open-requests textarea", "Both workshops ran well without help");
		browser.navigate("#open-requests button[type=submit]");
		assertThat(browser.text()).contains("Answered “Validated”", "Both workshops ran well without help");
		browser.checkAccessibility();
		signOut();

		signIn(org.email("learner-a"));
		browser.go("/goals/" + goal.id().value() + "/validation");
		assertThat(browser.text()).contains("1 colleague validated this goal.",
				"Counts toward Customer workshops " + org.suffix() + " at “Can do it alone”.");
		browser.go("/profile/capabilities");
		assertThat(browser.text()).contains("Customer workshops " + org.suffix(), "Can do it alone");
		assertThat(rows.heldRank(org.learnerA(), capability)).isEqualTo(2);
		browser.go("/goals/" + goal.id().value() + "/help");
		browser.checkAccessibility();
		browser.navigate("#looking-button");
		assertThat(browser.text()).contains("Your goal is looking for help");
		signOut();

		signIn(org.email("manager-a"));
		browser.go("/teams/" + org.teamA().value() + "/help-requests");
		assertThat(browser.text()).contains("Run customer workshops on my own");
		browser.checkAccessibility();
		browser.navigate(browser.link("Run customer workshops on my own"));
		browser.checkAccessibility();
		browser.type("#message", "I can sit in on the next one");
		browser.navigate("#offer-form button[type=submit]");
		assertThat(browser.text()).contains("Offered.", "I can sit in on the next one");
		browser.checkAccessibility();
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void signOut() {
		browser.navigate("form[action='/logout'] button");
	}
}
