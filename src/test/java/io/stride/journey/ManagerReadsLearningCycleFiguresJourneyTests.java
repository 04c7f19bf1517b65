package io.stride.journey;

import io.stride.analytics.cycles.CycleAnalyticsFixtures;
import io.stride.analytics.cycles.CycleAnalyticsFixtures.Story;
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
 * A manager on a phone goes from their team's page to the learning-cycle figures by keyboard, reads how many of
 * their people have a cycle running, narrows the figures to a sub-team, and downloads them; every page passes
 * axe-core and fits the screen (wide tables scroll inside their own region).
 */
// the story's teams have one to three people: figures for groups of any size (withheld below five by default)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "stride.analytics.cycles.minimum-group=1")
class ManagerReadsLearningCycleFiguresJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	CycleAnalyticsFixtures fixture;

	Story s;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		s = fixture.story();
		browser = Browser.open(port, "cycle-figures");
		browser.go("/login");
		browser.type("#email", s.org().email("manager-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aManagerReadsTheFiguresOfTheirTeamAndSubTeam() throws Exception {
		browser.windowSize(390, 844);
		browser.go("/teams/" + s.org().teamA().value());
		browser.navigateByKeyboard("#team-cycle-figures");
		assertThat(browser.path()).startsWith("/analytics/cycles?team=");
		assertThat(browser.find("#total-active").getText()).isEqualTo("1 (33%)");
		assertThat(browser.find("#total-median").getText()).isEqualTo("3.0");
		browser.screenshot("390-figures");
		browser.checkFitsWidth();
		browser.checkAccessibility();

		browser.select("#team", "Team A1 " + s.org().suffix());
		browser.navigateByKeyboard("#apply-filter");
		assertThat(browser.find("#cycles-scope").getText()).contains("Team A1 " + s.org().suffix());
		assertThat(browser.find("#total-people").getText()).isEqualTo("1");
		assertThat(browser.find("#total-active").getText()).isEqualTo("0 (0%)");
		assertThat(browser.find("#cycles-csv").getAttribute("href")).contains("/analytics/cycles.csv?team=");
		browser.checkFitsWidth();
		browser.checkAccessibility();

		browser.setValue("#from", "2026-03-10");
		browser.setValue("#to", "2026-03-01");
		browser.navigateByKeyboard("#apply-filter");
		assertThat(browser.find("#filter-problem").getText()).contains("before the start date");
		assertThat(browser.find("#to").getAttribute("aria-invalid")).isEqualTo("true");
		browser.checkAccessibility();
	}
}
