package io.stride.journey;

import java.util.List;

import io.stride.badges.BadgeDraft;
import io.stride.badges.Badges;
import io.stride.badges.CriterionKind;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin defines a badge for a capability level from the definitions page; the learner who holds the level finds
 * it under My badges, opens its public page and, signed out like anyone they share the link with, sees it verified.
 * Every page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerSharesABadgeAnyoneCanVerifyJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	Badges badges;

	@Autowired
	PlatformTransactionManager transactions;

	Org org;

	CapabilityId capability;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		capability = rows.capability("Escalation handling " + org.suffix(), "Support", fixtures.admin().id());
		new TransactionTemplate(transactions).executeWithoutResult(s -> rows.holds(org.learnerA(), capability, 2, null));
		browser = Browser.open(port, "badges");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void anAdminDefinesABadgeAndTheLearnersPublicPageVerifiesSignedOut() throws Exception {
		signIn(Fixtures.ADMIN_EMAIL, "admin-password-for-tests");
		browser.go("/badges/manage");
		browser.checkAccessibility();
		browser.type("#name", "Escalation handler " + org.suffix());
		browser.type("#description", "Takes an escalation from first call to resolution.");
		browser.type("#criteria", "Handle escalations alone, as the capability's evidence shows.");
		// no capability chosen: refused at the field, nothing typed is lost
		browser.navigate("#badge-form button[type=submit]");
		assertThat(browser.text()).contains("Choose an active capability.");
		assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Escalation handler " + org.suffix());
		browser.checkAccessibility();
		browser.select("#capabilityId", "Escalation handling " + org.suffix());
		browser.type("#levelRank", "2");
		browser.navigate("#badge-form button[type=submit]");
		assertThat(browser.text()).contains("Defined “Escalation handler " + org.suffix() + "”");
		browser.checkFitsAPhone();
		signOut();

		signIn(org.email("learner-a"), Fixtures.PASSWORD);
		browser.go("/profile");
		browser.navigateByKeyboard("#my-badges-link");
		assertThat(browser.text()).contains("Escalation handler " + org.suffix());
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		String link = browser.find(".badge-card input[type=url]").getAttribute("value");
		assertThat(link).contains("/badges/credentials/");
		signOut();

		browser.go(link.substring(link.indexOf("/badges/credentials/")));
		assertThat(browser.text()).contains("Escalation handler " + org.suffix(), "Learner A earned this badge", "Valid",
				"Yes: the signature checks");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
	}

	private void signIn(String email, String password) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", password);
		browser.navigate("button[type=submit]");
	}

	private void signOut() {
		browser.navigate(".site-header form button[type=submit]");
	}
}
