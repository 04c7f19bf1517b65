package io.stride.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
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
 * A manager defines "escalations per week" for their team, links the course the team took, imports six weeks of
 * values from a CSV file, fixes a wrong value by hand, and reads the change around the rollout, told that it is
 * correlation, not proof. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerTracksAnOutcomeAgainstTheRolloutJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CourseAnalyticsFixtures history;

	Org org;

	Course course;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		PersonId learnerA2 = fixtures.person(fixtures.admin(), "Learner A2", "learner-a2", org.suffix(),
				Set.of(org.teamA()), Set.of());
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Handling escalations " + org.suffix());
		// two of team A's four members completed by the end of the week of 03-16: the rollout week
		completed(org.learnerA(), "2026-03-10T09:00:00Z");
		completed(org.learnerSubA(), "2026-03-18T09:00:00Z");
		completed(learnerA2, "2026-04-01T09:00:00Z");
		browser = Browser.open(port, "outcomes");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void managerTracksAnOutcomeAgainstTheRollout() throws Exception {
		LearnerSteps.signIn(browser, org.email("manager-a"));
		definesEscalationsPerWeek();
		importsSixWeeksAndFixesOneByHand();
		readsTheChangeAroundTheRollout();
	}

	private void definesEscalationsPerWeek() throws Exception {
		browser.go("/teams");
		browser.navigate(browser.link("Team A " + org.suffix()));
		browser.navigate("#team-outcomes");
		assertThat(browser.find("#no-outcomes").getText()).isEqualTo("This team has no outcome metrics yet.");
		browser.checkAccessibility();
		browser.navigate("#new-outcome");
		browser.checkAccessibility();
		browser.type("#name", "Escalations per week");
		browser.navigate("#save-outcome");
		assertThat(browser.find("#unit-error").getText()).startsWith("Say what a value counts");
		browser.checkAccessibility();
		browser.type("#unit", "escalations");
		browser.all("#linked-courses input")
			.stream()
			.filter(box -> course.id().value().equals(box.getAttribute("value")))
			.findFirst()
			.orElseThrow()
			.click();
		browser.navigate("#save-outcome");
		assertThat(browser.find("h1").getText()).isEqualTo("Escalations per week");
		assertThat(browser.find("#outcome-missing").getText()).startsWith("No values yet");
		browser.checkAccessibility();
	}

	private void importsSixWeeksAndFixesOneByHand() throws Exception {
		Path file = Files.createTempFile("escalations", ".csv");
		// week 2 is mistyped as 21; fixed below to 12
		Files.writeString(file, "period,value\n2026-03-02,10\n2026-03-09,21\n2026-03-16,8\n2026-03-23,6\n"
				+ "2026-03-30,5\n2026-04-06,7\n");
		browser.attach("#file", file);
		browser.navigate("#import-values");
		assertThat(browser.text()).contains("Imported: 6 added, 0 updated.");
		Files.delete(file);
		browser.navigate(browser.find("#outcome-periods a[href*='period=2026-03-09']"));
		assertThat(browser.find("#value").getAttribute("value")).isEqualTo("21");
		browser.type("#value", "12");
		browser.navigate("#save-value");
		assertThat(browser.text()).contains("Replaced the value for 2026-03-09.");
		browser.checkAccessibility();
	}

	private void readsTheChangeAroundTheRollout() throws Exception {
		// before: (10 + 12) / 2 = 11; after: (8 + 6 + 5 + 7) / 4 = 6.5; -4.5 is -40.91% of 11
		assertThat(browser.find("#outcome-rollout").getText()).startsWith("Rollout week: 2026-03-16 to 2026-03-22.");
		assertThat(browser.find("#outcome-change").getText())
			.isEqualTo("-4.5 (-40.91%): it moved in the good direction (lower is better).");
		assertThat(browser.find("#outcome-caution").getText())
			.isEqualTo("This shows correlation, not proof: other changes in the same weeks can explain it.");
		browser.screenshot("before-after");
		browser.go(browser.path().replaceAll("[?#].*", "") + "#over-time-heading");
		browser.checkAccessibility();
		browser.screenshot("chart");
	}

	private void completed(PersonId who, String at) {
		String c = course.id().value();
		history.add(who, Verb.COMPLETED, ActivityType.COURSE, c, c, at, true);
	}
}
