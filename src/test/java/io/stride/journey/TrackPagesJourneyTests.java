package io.stride.journey;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.tracks.Confirmation;
import io.stride.tracks.EnrolmentFixtures;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepKind;
import io.stride.tracks.TrackId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not the end-to-end journey (the lead writes that): a learner asks to join a high-investment track, their
 * manager declines without a reason (told at the field), approves by keyboard and confirms a step, and the learner
 * follows the paced track; every page passes axe-core at desktop width and at 390 px, and fits the phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackPagesJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

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
		assertThat(browser.find("#waiting").getText()).contains("waiting for your manager's decision");
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
