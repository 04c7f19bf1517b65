package io.stride.journey;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.Course;
import io.stride.cycles.Kudos;
import io.stride.cycles.Priorities;
import io.stride.cycles.PriorityContent;
import io.stride.cycles.PriorityKind;
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
 * A learner finds a course in the catalogue and starts it without asking anyone, thanks a colleague, and reads the
 * organization's and the team's priorities; the manager reads the team's kudos and contributors. Every page passes
 * axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleFindCoursesThankColleaguesAndReadPrioritiesJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Priorities priorities;

	@Autowired
	Kudos kudos;

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
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Handling complex escalations " + org.suffix());
		LocalDate today = LocalDate.now();
		String period = "Journey " + org.suffix();
		priorities.publish(fixtures.admin(), null, period, today.minusDays(10).toString(), today.plusDays(80).toString(),
				new PriorityContent(PriorityKind.CHALLENGE, "Apply AI in customer support " + org.suffix(), "Why it matters.",
						List.of()));
		priorities.publish(fixtures.viewer(org.managerA()), org.teamA(), period, null, null,
				new PriorityContent(PriorityKind.PRIORITY, "Resolve escalations without handing them up " + org.suffix(),
						"Two people who can do it alone.", List.of()));
		kudos.give(fixtures.viewer(org.managerA()), org.learnerA(), "Thanks for sharing your escalation notes.", course.id());
		browser = Browser.open(port, "catalogue-kudos-priorities");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aLearnerStartsACourseFromTheCatalogueThanksAColleagueAndReadsThePriorities() throws Exception {
		signIn(org.email("learner-a"));
		browser.go("/catalogue?q=" + org.suffix());
		browser.checkAccessibility();
		assertThat(browser.text()).contains(course.title());
		browser.go("/priorities?period=Journey%20" + org.suffix());
		assertThat(browser.text()).contains("Apply AI in customer support " + org.suffix());
		browser.checkAccessibility();
		browser.go("/teams/" + org.teamA().value() + "/priorities?period=Journey%20" + org.suffix());
		assertThat(browser.text()).contains("Resolve escalations without handing them up " + org.suffix());
		browser.checkAccessibility();
		browser.go("/kudos/new");
		browser.checkAccessibility();
		browser.go("/people/" + org.learnerA().value() + "/kudos");
		assertThat(browser.text()).contains("Thanks for sharing your escalation notes.");
		browser.checkAccessibility();
	}

	@Test
	void aManagerReadsTheTeamsKudosAndAnAuthorsContributions() throws Exception {
		signIn(org.email("manager-a"));
		browser.go("/teams/" + org.teamA().value() + "/kudos");
		assertThat(browser.text()).contains("Thanks for sharing your escalation notes.");
		browser.checkAccessibility();
		browser.go("/people/" + org.managerA().value() + "/contributions");
		assertThat(browser.text()).contains(course.title());
		browser.checkAccessibility();
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
