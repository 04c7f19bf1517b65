package io.stride.journey;

import java.time.Duration;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.tracks.Confirmation;
import io.stride.tracks.Enrolment;
import io.stride.tracks.EnrolmentFixtures;
import io.stride.tracks.Enrolments;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepKind;
import io.stride.tracks.TrackId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not the end-to-end journey (the lead writes that): a learner asks to join a high-investment track, their
 * manager declines without a reason (told at the field), approves by keyboard and confirms a step, and the learner
 * follows the paced track; a manager finds the tracks through the navigation's menu and proposes someone; a manager
 * declines a certification step (a reason is required) and later approves it. Every page passes axe-core at desktop
 * width and at 390 px, and fits the phone; the person sees each decision in their tracks and notifications.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackPagesJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enrolments enrolments;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		browser = Browser.open(port, "track-pages");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aLearnerAsksToJoinTheManagerApprovesAndConfirmsAndTheLearnerFollowsThePacedTrack() throws Exception {
		EnrolmentFixtures tracks = new EnrolmentFixtures(jdbc);
		TrackId track = tracks.track("Customer Success Manager " + org.suffix(), true, org.managerA());
		String shadow = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow three discovery calls");
		tracks.confirmation(shadow, Confirmation.MANAGER);
		String plan = tracks.step(track, 1, StepKind.EXTERNAL, "Write a renewal plan");
		tracks.pacing(plan, PacingRule.AFTER_PREVIOUS, 7, null);
		tracks.track("Open onboarding " + org.suffix(), false, org.managerA());

		signIn(org.email("learner-a"));
		browser.go("/tracks");
		assertThat(browser.text()).contains("Customer Success Manager " + org.suffix(), "High investment", "Ask to join");
		check();
		browser.navigate("#track-" + track.value() + " h2 a");
		check();
		browser.type("#note", "I take over the renewals in January.");
		browser.navigateByKeyboard("#enrol-button");
		assertThat(browser.text()).contains("Asked. Your manager decides");
		browser.go("/my/tracks");
		assertThat(browser.find("#waiting").getText()).contains("waiting for your manager’s decision");
		check();

		browser.close();
		browser = Browser.open(port, "track-pages-manager");
		signIn(org.email("manager-a"));
		browser.go("/enrolment-requests");
		assertThat(browser.text()).contains("I take over the renewals in January.");
		check();
		browser.navigateByKeyboard(".enrolment-request button.secondary");
		assertThat(browser.text()).contains("Give a reason: the person reads it.");
		check();
		browser.navigateByKeyboard(".enrolment-request button.approve");
		assertThat(browser.text()).contains("Approved. Learner A is enrolled and told.");
		browser.go("/tracks/" + track.value() + "/people");
		assertThat(browser.find("#people").getText()).contains("Learner A", "Shadow three discovery calls", "0 of 2", "on pace");
		check();
		browser.screenshot("people");
		browser.navigate("#person-" + org.learnerA().value() + " a");
		assertThat(browser.text()).contains("Learner A’s progress");
		check();
		browser.navigateByKeyboard("#step-" + shadow + " button[type=submit]");
		assertThat(browser.text()).contains("Marked done.");

		browser.close();
		browser = Browser.open(port, "track-pages-learner");
		signIn(org.email("learner-a"));
		browser.go("/my/tracks");
		assertThat(browser.find("#following").getText()).contains("1 of 2 steps done",
				"Next: Write a renewal plan, opens on", "7 days after you finish “Shadow three discovery calls”");
		check();
		browser.go("/tracks/" + track.value());
		assertThat(browser.find("#step-" + shadow).getText()).contains("Done — confirmed by a manager");
		check();
		browser.screenshot("track");
		browser.go("/my/tracks");
		browser.windowSize(390, 844);
		browser.screenshot("my-tracks-phone");
	}

	@Test
	void aManagerFindsTracksInTheNavigationProposesSomeoneAndThePersonIsTold() throws Exception {
		EnrolmentFixtures tracks = new EnrolmentFixtures(jdbc);
		String title = "Renewals lead " + org.suffix();
		TrackId track = tracks.track(title, true, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Negotiation certificate");

		signIn(org.email("manager-a"));
		browser.go("/learning");
		// the Build menu opens by keyboard; Escape closes it and gives the focus back to its name
		browser.focus("#build-menu > summary");
		browser.focused().sendKeys(Keys.ENTER);
		assertThat(browser.find("#build-menu").getDomAttribute("open")).isNotNull();
		assertThat(browser.find("#tracks-link").isDisplayed()).isTrue();
		browser.focused().sendKeys(Keys.TAB);
		assertThat(browser.focused()).isEqualTo(browser.find("#courses-link"));
		browser.focused().sendKeys(Keys.ESCAPE);
		assertThat(browser.find("#build-menu").getDomAttribute("open")).isNull();
		assertThat(browser.focused()).isEqualTo(browser.find("#build-menu > summary"));
		browser.focused().sendKeys(Keys.ENTER);
		browser.navigateByKeyboard("#tracks-link");
		assertThat(browser.find("#tracks-link").getDomAttribute("aria-current")).isEqualTo("page");
		check();
		// with one menu open, one click on another opens it (and closes the first); entry requests are under Manage
		browser.clickWithTheMouse("#learn-menu > summary");
		assertThat(browser.find("#learn-menu").getDomAttribute("open")).isNotNull();
		browser.clickWithTheMouse("#manage-menu > summary");
		assertThat(browser.find("#manage-menu").getDomAttribute("open")).isNotNull();
		assertThat(browser.find("#learn-menu").getDomAttribute("open")).isNull();
		assertThat(browser.find("#enrolment-requests-link").isDisplayed()).isTrue();
		browser.clickWithTheMouse("#manage-menu > summary");
		assertThat(browser.find("#manage-menu").getDomAttribute("open")).isNull();
		browser.navigate("#track-" + track.value() + " h2 a");
		assertThat(browser.find("#propose").getText()).contains("Propose someone");
		check();
		browser.select("#personId", "Learner A");
		browser.type("#proposalNote", "She runs the renewals from January.");
		browser.navigateByKeyboard("#propose-button");
		// she decides for Learner A, so her proposal is her approval: Learner A is enrolled at once and told
		assertThat(browser.text()).contains("Proposed and approved by you: Learner A is enrolled and told.");
		assertThat(browser.all("#personId option").stream().map(WebElement::getText)).doesNotContain("Learner A");
		check();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> tracks.notices(org.learnerA(), "You joined “" + title + "”") == 1);
		browser.close();
		browser = Browser.open(port, "track-pages-proposed");
		signIn(org.email("learner-a"));
		assertThat(browser.find("#notifications-link").getText()).contains("new");
		browser.navigate("#notifications-link");
		assertThat(browser.text()).contains("You joined “" + title + "”", "Approved by Manager A.");
		check();
		browser.navigateByMenu("learn", "#my-tracks-link");
		assertThat(browser.find("#following").getText()).contains(title);
		check();
		browser.screenshot("proposed-my-tracks");
	}

	@Test
	void aManagerDeclinesACertificationStepWithAReasonThenApprovesItAndThePersonSeesEachDecision() throws Exception {
		EnrolmentFixtures tracks = new EnrolmentFixtures(jdbc);
		TrackId track = tracks.track("Support engineer " + org.suffix(), false, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Read the runbook");
		String certification = tracks.step(track, 1, StepKind.EXTERNAL, "Vendor certification");
		tracks.highInvestment(certification);
		Enrolment enrolment = enrolments.enrol(fixtures.viewer(org.learnerA()), track, null, null, null);
		String step = "#step-" + certification;

		signIn(org.email("manager-a"));
		browser.go("/enrolments/" + enrolment.id());
		assertThat(browser.find(step).getText()).contains("Its turn has come: it needs your approval");
		check();
		browser.click(step + " details.decline-step > summary");
		browser.navigateByKeyboard(step + " details.decline-step button[type=submit]");
		assertThat(browser.find("#reason-" + certification + "-error").getText()).isEqualTo("Give a reason: the person reads it.");
		assertThat(browser.find("#reason-" + certification).isDisplayed()).isTrue();
		check();
		browser.screenshot("decline-without-reason");
		browser.type("#reason-" + certification, "The budget opens in April.");
		browser.navigateByKeyboard(step + " details.decline-step button[type=submit]");
		assertThat(browser.text()).contains("Declined. The step stays closed; the person is told why.");
		assertThat(browser.find(step).getText()).contains("Declined for now: The budget opens in April.", "You may still approve it.");
		check();

		await().atMost(Duration.ofSeconds(10)).until(() -> tracks.notices(org.learnerA(), "Not now: “Vendor certification”") == 1);
		Browser manager = browser;
		browser = Browser.open(port, "track-pages-declined");
		signIn(org.email("learner-a"));
		browser.navigate("#notifications-link");
		assertThat(browser.text()).contains("Not now: “Vendor certification”", "The budget opens in April.");
		check();
		browser.go("/my/tracks");
		assertThat(browser.find("#following").getText())
			.contains("Next: Vendor certification, declined by your manager for now: The budget opens in April.");
		check();

		Browser learner = browser;
		browser = manager;
		browser.go("/enrolments/" + enrolment.id());
		browser.navigateByKeyboard(step + " form[action$='/approve'] button");
		assertThat(browser.text()).contains("Approved. It is open now; the person is told.");
		assertThat(browser.find(step).getText()).contains("Open");
		check();
		manager.close();

		browser = learner;
		await().atMost(Duration.ofSeconds(10)).until(() -> tracks.notices(org.learnerA(), "Open now: “Vendor certification”") == 1);
		browser.go("/my/tracks");
		assertThat(browser.find("#following").getText()).contains("Open now:", "Read the runbook", "Vendor certification");
		check();
		browser.navigate("#notifications-link");
		assertThat(browser.text()).contains("Open now: “Vendor certification”");
		check();
		browser.screenshot("approved-notifications");
	}

	/** axe-core at desktop width and at a phone's 390 px, and no sideways scrolling on the phone. */
	private void check() {
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		try {
			browser.checkAccessibility();
			browser.checkFitsWidth();
		}
		finally {
			browser.windowSize(1280, 1000);
		}
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
