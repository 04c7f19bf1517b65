package io.stride.journey;

import io.stride.analytics.lifecycle.Lifecycle;
import io.stride.analytics.lifecycle.LifecycleFixtures;
import io.stride.analytics.lifecycle.LifecycleFixtures.Library;
import io.stride.support.Fixtures;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A course owner is told that a course nobody opened for 90 days could be archived, follows the notification to
 * "Proposals for my courses", confirms the archiving, and reads the library health of their courses down to the list
 * behind a count. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class OwnerArchivesAnIdleCourseAndReadsTheLibraryHealthJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	LifecycleFixtures fixtures;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	Fixtures people;

	@Autowired
	io.stride.notification.Notifications notifications;

	@Autowired
	MovableClock clock;

	Library lib;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		clock.reset();
		lib = fixtures.library(clock);
		lifecycle.proposeNew(); // the daily run
		// its notifications are written once the proposals are committed
		var owner = people.viewer(lib.author());
		await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> notifications.page(owner, 0)
				.items()
				.stream()
				.filter(n -> n.subject().startsWith("Archive") || n.subject().startsWith("Refine"))
				.count() >= 3);
		browser = Browser.open(port, "lifecycle");
	}

	@AfterEach
	void stop() {
		browser.close();
		clock.reset();
	}

	@Test
	void ownerArchivesAnIdleCourseAndReadsTheLibraryHealth() throws Exception {
		LearnerSteps.signIn(browser, lib.org().email("owner"));
		followsTheNotification();
		archivesTheCourseNobodyOpened();
		readsTheLibraryHealth();
	}

	private void followsTheNotification() throws Exception {
		browser.navigate("#notifications-link");
		assertThat(browser.text()).contains("Archive “" + lib.never().title() + "”?",
				"Nobody opened “" + lib.never().title() + "” in the last 90 days (it was never opened).",
				"Refine “" + lib.popular().title() + "”?");
		browser.checkAccessibility();
		browser.navigate(browser.link("Archive “" + lib.never().title() + "”?"));
		assertThat(browser.path()).isEqualTo("/lifecycle/proposals");
		assertThat(browser.all("#proposals tbody tr")).hasSize(3);
		browser.checkAccessibility();
		browser.screenshot("proposals");
	}

	private void archivesTheCourseNobodyOpened() throws Exception {
		String id = lifecycle.proposals(people.viewer(lib.author()), true)
			.stream()
			.filter(p -> p.courseId().equals(lib.never().id()))
			.findFirst()
			.orElseThrow()
			.id();
		browser.navigate("#proposal-" + id + " a[href$='/archive']");
		assertThat(browser.find("h1").getText()).isEqualTo("Archive “" + lib.never().title() + "”?");
		browser.checkAccessibility();
		browser.navigate("#confirm-archive");
		assertThat(browser.find(".notice").getText())
			.isEqualTo("“" + lib.never().title() + "” is archived: new learners and assignments no longer get it.");
		assertThat(browser.all("#proposals tbody tr")).hasSize(2);
		browser.checkAccessibility();
	}

	private void readsTheLibraryHealth() throws Exception {
		browser.navigate("#library-health-link");
		// 8 courses: draft 1, published 6 (the 7 published less the one just archived), retired 1
		assertThat(browser.find("#library-scope").getText()).isEqualTo("The courses you wrote: 8 courses. Admins and L&D reviewers see the whole library.");
		assertThat(browser.find("#state-PUBLISHED").getText()).isEqualTo("Published 6");
		assertThat(browser.find("#state-RETIRED").getText()).isEqualTo("Archived (retired) 1");
		assertThat(browser.find("#proposals-ARCHIVE").getText()).isEqualTo("Archive (not opened in the period) 1");
		browser.checkAccessibility();
		browser.screenshot("library-health");
		browser.navigate("#state-RETIRED a");
		assertThat(browser.find("#list-heading").getText()).isEqualTo("Courses: Archived (retired)");
		assertThat(browser.find("#library-courses tbody").getText()).contains(lib.never().title());
		browser.checkAccessibility();
	}
}
