package io.stride.journey;

import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics pages in a real browser, on the fixed history of {@link CourseAnalyticsFixtures}: an author reads
 * a course's figures, narrows them to a team and a period, and finds where learners struggle; a manager sees their
 * own team only; an admin opens the item analysis thresholds. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorAndManagerReadTheFiguresJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	CourseAnalyticsFixtures story;

	@Autowired
	Fixtures fixtures;

	Browser browser;

	History h;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		h = story.history("Handling complaints");
		browser = Browser.open(port, "analytics");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void authorAndManagerReadTheFigures() throws Exception {
		String course = "/courses/" + h.course().id().value();
		LearnerSteps.signIn(browser, h.org().email("author"));
		browser.go(course + "/analytics");
		browser.checkAccessibility();
		// opened P1..P6, started P1..P5, completed P1, P2, P5; funnel 5, 4, 3
		assertThat(browser.find("#opened").getText()).isEqualTo("6");
		assertThat(browser.find("#started").getText()).isEqualTo("5");
		assertThat(browser.find("#completed").getText()).isEqualTo("3");
		assertThat(browser.find("#analytics-funnel").getText()).contains("Listen", "Log it", "Follow up");
		assertThat(browser.find("#funnel-csv").getAttribute("href")).contains("/analytics/funnel.csv");

		// team B from 2026-03-09: P5 (opened, read, completed) and P6 (opened only); P3's week is before the period
		browser.select("#teamId", "Team B " + h.org().suffix());
		browser.setValue("#from", "2026-03-09");
		browser.navigate("#apply-filter");
		browser.checkAccessibility();
		assertThat(browser.find("#opened").getText()).isEqualTo("2");
		assertThat(browser.find("#completed").getText()).isEqualTo("1");
		assertThat(browser.find("#analytics-scope").getText()).contains("Team B");

		// a date that is no date is explained, next to the field, and nothing else changes
		browser.go(course + "/analytics?from=2026-02-30");
		browser.checkAccessibility();
		assertThat(browser.find("#filter-problem").getText()).isNotBlank();

		browser.go(course + "/analytics");
		browser.navigate("#needs-attention-link");
		browser.checkAccessibility();
		// L2 "Log it": one unclear and one outdated reaction, and 5 → 4 learners from L1
		assertThat(browser.find("#unclear-lessons").getText()).contains("Log it");
		assertThat(browser.find("#drop-off-lessons").getText()).contains("Log it", "20.0%");
		assertThat(browser.find("#drop-off-lessons-csv").getAttribute("href")).contains("drop-off-lessons.csv");

		browser.go(course + "/item-analysis");
		browser.checkAccessibility();
		assertThat(browser.find("h1").getText()).contains("Item analysis");
		LearnerSteps.signOut(browser);

		// the manager of team A sees team A (P1, P2 in its sub-team, P4) and cannot pick team B
		LearnerSteps.signIn(browser, h.org().email("manager-a"));
		browser.go(course + "/analytics");
		browser.checkAccessibility();
		assertThat(browser.find("#opened").getText()).isEqualTo("3");
		assertThat(browser.find("#teamId").getText()).doesNotContain("Team B");
		browser.go("/analytics/needs-attention");
		browser.checkAccessibility();
		LearnerSteps.signOut(browser);

		LearnerSteps.signIn(browser, "admin@stride.test", "admin-password-for-tests");
		browser.go("/admin/item-analysis");
		browser.checkAccessibility();
		assertThat(browser.find("#tooEasy").getAttribute("value")).isNotBlank();
	}
}
