package io.stride.journey;

import java.util.List;

import io.stride.badges.BadgeDraft;
import io.stride.badges.Badges;
import io.stride.badges.CriterionKind;
import io.stride.capability.CapabilityId;
import io.stride.cycles.Goal;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.ValidationFixtures;
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
 * The whole of learning people own, end to end: a learner starts a cycle and writes their contract from their team's
 * gaps ("Draft my contract"), asks a colleague who holds the level to validate the goal, the colleague validates it
 * from their inbox, the learner's capability level rises, a badge is issued for it, and its public page verifies the
 * signed credential for someone who is not signed in. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerWritesAContractAndEarnsAVerifiedBadgeJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ValidationFixtures validationRows;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	Badges badges;

	@Autowired
	LearningCycles cycles;

	Org org;

	CapabilityId capability;

	String capabilityName;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		capabilityName = "Customer onboarding calls " + org.suffix();
		// each level is reached by one validation from someone who holds it; Learner B can teach it
		capability = validationRows.validatedCapability(capabilityName, 1);
		validationRows.holds(org.learnerB(), capability, 3);
		// Team A needs one person who can do it alone and has nobody: a gap its people's contracts can serve
		capabilityRows.target(org.teamA(), capability, 2, 1, org.managerA());
		badges.define(fixtures.admin(), new BadgeDraft("Onboarding caller " + org.suffix(),
				"Runs a customer's onboarding call alone.", "Reach “Can do it alone”, validated by a colleague.",
				CriterionKind.CAPABILITY_LEVEL, capability, 2, null, null, List.of()));
		browser = Browser.open(port, "contract-to-badge");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aContractFromTheTeamsGapsIsValidatedRaisesTheLevelAndEarnsABadgeAnyoneCanVerify() throws Exception {
		// the learner starts a cycle and adds the goal Stride proposes from the team's gap
		signIn(org.email("learner-a"));
		browser.go("/cycles/new");
		browser.checkAccessibility();
		browser.type("#title", "Onboarding season " + org.suffix());
		browser.navigate("#start");
		assertThat(browser.text()).contains("Onboarding season " + org.suffix());
		browser.navigate("#draft-link");
		assertThat(browser.text()).contains("Your team is short of “" + capabilityName + "” at “Can do it alone”");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.navigate("button.add-proposal");
		assertThat(browser.text()).contains(capabilityName);
		browser.checkAccessibility();
		Goal goal = cycles.active(fixtures.viewer(org.learnerA())).orElseThrow().goals().get(0);
		assertThat(goal.capability().id()).isEqualTo(capability);
		assertThat(goal.capability().targetRank()).isEqualTo(2);

		// and asks Learner B, who holds the level, to validate it
		browser.go("/goals/" + goal.id().value() + "/validation");
		browser.checkAccessibility();
		browser.click("#suggested-0");
		browser.type("#message", "You listened in on my last two onboarding calls");
		browser.navigate("#ask-form button[type=submit]");
		assertThat(browser.text()).contains("Asked Learner B", "Waiting for an answer");
		signOut();

		// the colleague validates it from their inbox
		signIn(org.email("learner-b"));
		browser.go("/validations");
		assertThat(browser.text()).contains("Your validation also counts toward " + capabilityName);
		browser.checkAccessibility();
		browser.click("#open-requests input[value=VALIDATED]");
		browser.type("#open-requests textarea", "Both calls ended with a dated plan the customer agreed to");
		browser.navigate("#open-requests button[type=submit]");
		assertThat(browser.text()).contains("Answered “Validated”");
		browser.checkAccessibility();
		signOut();

		// the learner's level rose and the badge for it was issued
		signIn(org.email("learner-a"));
		browser.go("/profile/capabilities");
		assertThat(browser.text()).contains(capabilityName, "Can do it alone");
		browser.checkAccessibility();
		browser.go("/badges");
		assertThat(browser.text()).contains("Onboarding caller " + org.suffix());
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		String link = browser.find(".badge-card input[type=url]").getAttribute("value");
		signOut();

		// anyone can verify it on its public page, signed out
		browser.go(link.substring(link.indexOf("/badges/credentials/")));
		assertThat(browser.text()).contains("Onboarding caller " + org.suffix(), "Learner A earned this badge", "Valid",
				"Yes: the signature checks");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void signOut() {
		browser.navigate(".site-header form button[type=submit]");
	}
}
