package io.stride.journey;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.stride.authoring.Course;
import io.stride.authoring.CourseEstimates;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
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
 * A manager on a phone goes from their team's page to its learning hours by keyboard, adds the current sprint from
 * the empty page, gives a learner fewer hours than their assigned course needs and is warned, is refused hours above
 * the sprint's length next to the field, and downloads the CSV; every page passes axe-core and fits the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerPlansLearningHoursJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Autowired
	CourseEstimates estimates;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		Viewer manager = fixtures.viewer(org.managerA());
		Course course = fixtures.publishedCourse(manager, "Objection handling " + org.suffix());
		estimates.set(manager, course.id(), 180);
		delivery.assign(manager, course.id(), org.teamA(), null);
		browser = Browser.open(port, "learning-hours");
		browser.go("/login");
		browser.type("#email", org.email("manager-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aManagerPlansTheSprintsLearningHoursOnAPhone() throws Exception {
		browser.windowSize(390, 844);
		browser.go("/teams/" + org.teamA().value());
		browser.navigateByKeyboard("#team-learning-hours");
		assertThat(browser.path()).endsWith("/learning-hours");
		assertThat(browser.find("#no-period").getText()).contains("Add the current sprint");
		browser.checkFitsWidth();
		browser.checkAccessibility();

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		browser.type("#name", "Sprint " + org.suffix());
		browser.setValue("#startsOn", today.minusDays(2).toString());
		browser.setValue("#endsOn", today.plusDays(11).toString());
		browser.navigateByKeyboard("#add-period");
		assertThat(browser.find("#period-heading").getText()).startsWith("Sprint " + org.suffix());
		String learner = "#person-" + org.learnerA().value();
		// nobody has hours yet: everyone with the assigned course is warned
		assertThat(browser.find(learner).getText()).contains("3.0 h", "No hours given for 3.0 h of learning");
		browser.checkFitsWidth();
		browser.checkAccessibility();

		browser.type("#hours-0", "1.5");
		browser.navigateByKeyboard("#save-hours");
		assertThat(browser.find(".notice").getText()).isEqualTo("Saved the hours.");
		assertThat(browser.find("#hours-0").getAttribute("value")).isEqualTo("1.5");
		assertThat(browser.find(learner).getText()).contains("Over-committed by 1.5 h");
		assertThat(browser.find(learner).getAttribute("class")).contains("overdue-row");

		browser.type("#hours-0", "500");
		browser.navigateByKeyboard("#save-hours");
		assertThat(browser.find("#hours-0-error").getText()).startsWith("At most");
		assertThat(browser.find("#hours-0").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#hours-0").getAttribute("value")).isEqualTo("500");
		browser.checkFitsWidth();
		browser.checkAccessibility();
		assertThat(browser.find("#csv-link").getAttribute("href")).contains("/learning-hours.csv?period=");
	}
}
