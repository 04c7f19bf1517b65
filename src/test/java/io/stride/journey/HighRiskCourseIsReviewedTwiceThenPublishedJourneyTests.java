package io.stride.journey;

import java.time.LocalDate;
import java.util.Set;

import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author submits a high-risk course; the first reviewer asks for a change to a lesson; the author fixes it and
 * resubmits; two reviewers approve in sequence; the course is published and assigned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HighRiskCourseIsReviewedTwiceThenPublishedJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Sam Expert", "expert", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		fixtures.complianceReviewer(fixtures.person(fixtures.admin(), "Cleo Compliance", "compliance", org.suffix(), Set.of(), Set.of(), Role.REVIEWER));
		browser = Browser.open(port, "high-risk-review");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void highRiskCourseIsReviewedTwiceThenPublished() throws Exception {
		signIn("manager-a");
		AuthorSteps author = new AuthorSteps(browser);
		browser.go("/courses/new");
		browser.type("#topic", "Privacy");
		browser.type("#title", "Personal data breaches " + org.suffix());
		browser.navigate("#create-course");
		author.addsLesson("Report it", "Report a personal data breach to the DPO.\n\nWrite down what happened.");
		author.addsQuestion("SINGLE_CHOICE");
		author.retype("#question-prompt", "Who gets the report?");
		author.retype("#option-0", "The DPO");
		author.retype("#option-1", "Nobody");
		author.marksCorrect(0);
		author.saved();
		author.publishes();
		assertThat(browser.text()).contains("Sent for review (high risk)", "In review");
		signOut();

		// the first reviewer comments on one paragraph and asks for changes
		signIn("expert");
		browser.go("/reviews");
		browser.checkAccessibility();
		browser.navigate(browser.link("Personal data breaches " + org.suffix()));
		browser.checkAccessibility();
		new Select(browser.find("#anchor"))
			.selectByVisibleText("Lesson \"Report it\", paragraph 1: Report a personal data breach to the DPO.");
		browser.type("#changes-comment", "Say how soon: the policy says within 24 hours.");
		browser.navigate("#request-changes");
		assertThat(browser.text()).contains("Changes requested",
				"Lesson \"Report it\", paragraph 1: Report a personal data breach to the DPO.", "Say how soon");
		browser.screenshot("changes-requested");
		signOut();

		// the author is told, replies, fixes the paragraph, resubmits and resolves the thread
		signIn("manager-a");
		assertThat(browser.find("#notifications-link").getText()).isEqualTo("Notifications (1 new)");
		browser.navigate("#notifications-link");
		browser.checkAccessibility();
		browser.navigate(browser.link("Changes requested: Personal data breaches " + org.suffix()));
		assertThat(browser.text()).contains("Say how soon: the policy says within 24 hours.");
		browser.checkAccessibility();
		browser.type("textarea[name=body]", "Added the 24-hour deadline.");
		browser.navigate("form:has(textarea[name=body]) button");
		assertThat(browser.text()).contains("Reply added.", "Added the 24-hour deadline.");
		browser.navigate("#edit-course");
		author.retype("#lesson-markdown", "Report a personal data breach to the DPO within 24 hours.\n\nWrite down what happened.");
		author.saved();
		author.publishes();
		assertThat(browser.text()).contains("Sent for review");
		browser.go("/courses");
		browser.navigate("a[href$='/review']");
		browser.navigate("form[action$='/resolve'] button");
		assertThat(browser.text()).contains("Thread resolved.", "(resolved)");
		signOut();

		approveAs("expert", "Approved. The next step goes to another reviewer.");
		approveAs("compliance", "Approved: the course is published.");
		browser.screenshot("approved");

		signIn("manager-a");
		browser.go("/courses");
		browser.navigate("a[href$='/assign']");
		assertThat(browser.text()).contains("Published (version 1)");
		new Select(browser.find("#teamId")).selectByVisibleText("Team A " + org.suffix());
		browser.setValue("#dueDate", LocalDate.now().plusDays(7).toString());
		browser.navigate("#assign");
		assertThat(browser.text()).contains("Assigned to Team A " + org.suffix());
		browser.checkAccessibility();
		signOut();

		// the admin sees the policies and who reviews what, and the audit trail of the course
		browser.go("/login");
		browser.type("#email", Fixtures.ADMIN_EMAIL);
		browser.type("#password", "admin-password-for-tests");
		browser.navigate("button[type=submit]");
		browser.go("/admin/review-policies");
		assertThat(browser.find("#HIGH-name-0").getDomProperty("value")).isEqualTo("Subject-matter expert");
		assertThat(browser.text()).contains("Cleo Compliance No topics; compliance");
		browser.checkAccessibility();
		browser.go("/admin/audit");
		assertThat(browser.text()).contains("changes requested", "review step approved", "course published");
	}

	private void approveAs(String handle, String expected) throws Exception {
		signIn(handle);
		browser.go("/reviews");
		browser.navigate(browser.link("Personal data breaches " + org.suffix()));
		browser.navigate("#approve");
		assertThat(browser.text()).contains(expected);
		browser.checkAccessibility();
		signOut();
	}

	private void signIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void signOut() {
		browser.navigate("form[action='/logout'] button");
	}
}
