package io.stride.journey;

import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.identity.Role;
import io.stride.integration.LrsForwardDeliverer;
import io.stride.integration.LrsStub;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sends a copy of the learning record to the organization's other LRS: a wrong address is refused at its
 * field, the LRS receives what learners do, an outage shows as failures with the last error and a way to try again,
 * and removing the forwarder asks first. On a desktop and on a phone, by keyboard, with no serious accessibility issue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminForwardsStatementsToAnotherLrsJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningRecord record;

	@Autowired
	LrsForwardDeliverer deliverer;

	@Autowired
	TransactionTemplate transactions;

	Org org;

	Browser browser;

	LrsStub lrs;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Forwarding Admin", "lrs-admin", org.suffix(), Set.of(), Set.of(), Role.ADMIN);
		lrs = new LrsStub("stride", "their-secret");
		browser = Browser.open(port, "lrs-forwarding");
	}

	@AfterEach
	void stop() {
		browser.close();
		lrs.close();
	}

	@Test
	void adminForwardsStatementsToAnotherLrsAndSeesAnOutage() throws Exception {
		LearnerSteps.signIn(browser, org.email("lrs-admin"));
		browser.go("/admin/xapi");
		browser.navigate("#forwarding-link");
		assertThat(browser.find("#no-forwarders").getText()).contains("Statements stay in Stride only.");
		browser.checkAccessibility();

		// a private address is refused at its field, and what was typed stays (but the secret)
		browser.type("#f-name", "Group LRS");
		browser.type("#f-endpoint", "https://10.1.2.3/xapi/");
		browser.type("#f-username", "stride");
		browser.type("#f-secret", "their-secret");
		browser.navigate("#add-forwarder");
		assertThat(browser.find("#endpoint-error").getText()).contains("private or local network");
		assertThat(browser.find("#f-endpoint").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#f-name").getAttribute("value")).isEqualTo("Group LRS");
		assertThat(browser.find("#f-secret").getAttribute("value")).isEmpty();
		browser.checkAccessibility();

		browser.type("#f-endpoint", lrs.endpoint());
		browser.type("#f-secret", "their-secret");
		browser.navigate("#add-forwarder");
		assertThat(browser.text()).contains("Added: statements stored from now on are forwarded to “Group LRS”");
		assertThat(browser.find("#healthy").getText()).startsWith("Sending");
		String page = browser.path();

		String first = completed("Escalations");
		deliverer.deliverDue();
		assertThat(lrs.ids()).containsExactly(first);
		browser.go(page);
		assertThat(browser.find("#sent").getText()).startsWith("1, the last at ");

		// the LRS goes down: the statement waits, the page says how the last try failed
		lrs.stop();
		String second = completed("Refunds");
		deliverer.deliverDue();
		browser.go(page);
		assertThat(browser.find("#failing").getText()).contains("The last try failed")
			.contains("the LRS refused the connection");
		assertThat(browser.find("#waiting").getText()).startsWith("1 (the oldest stored ");
		browser.checkAccessibility();
		browser.screenshot("failing");

		// it comes back; "Try again now" does not wait out the back-off
		lrs.start();
		browser.navigate("#retry-now");
		deliverer.deliverDue();
		assertThat(lrs.ids()).containsExactly(first, second);
		browser.go(page);
		assertThat(browser.find("#sent").getText()).startsWith("2, ");

		browser.windowSize(390, 844);
		browser.checkFitsWidth();
		browser.checkAccessibility();
		browser.go("/admin/xapi/forwarding");
		browser.checkFitsWidth();
		browser.checkAccessibility();
		browser.windowSize(1280, 900);

		browser.go(page);
		browser.navigateByKeyboard("#remove");
		assertThat(browser.text()).contains("Stop forwarding to Group LRS?").contains("Nothing waits for it.");
		browser.checkAccessibility();
		browser.navigate("#confirm-remove");
		assertThat(browser.text()).contains("Removed, with the statements it had waiting");
		assertThat(browser.find("#no-forwarders").isDisplayed()).isTrue();
	}

	private String completed(String course) {
		return transactions.execute(tx -> record.record(new LearningAction(org.learnerA(), "Learner A", Verb.COMPLETED,
				ActivityType.COURSE, "course-" + org.suffix(), course, null, Result.NONE)));
	}
}
