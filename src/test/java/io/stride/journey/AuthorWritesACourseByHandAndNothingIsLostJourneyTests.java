package io.stride.journey;

import java.util.EnumSet;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.RequiredPart;
import io.stride.standards.TemplateContent;
import io.stride.standards.Templates;
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
 * An author writes a course by hand and leaves the page at any moment: the first thing typed into a new course,
 * a template chosen and nothing else, and a true/false question are all kept without pressing Save.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorWritesACourseByHandAndNothingIsLostJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Templates templates;

	Org org;

	Browser browser;

	CourseTemplate shortCourses;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		shortCourses = templates.create(fixtures.admin(), null, new TemplateContent("Short courses " + org.suffix(), "",
				EnumSet.of(RequiredPart.SUMMARY), 300, null, 0, null, List.of(), EnumSet.noneOf(AccessibilityRule.class)));
		browser = Browser.open(port, "course-by-hand");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void authorWritesACourseByHandAndNothingIsLost() throws Exception {
		signsIn("manager-a");
		String path = theFirstWordsOfANewCourseAreSaved();
		choosingOnlyATemplateIsSaved(path);
		aTrueFalseQuestionComesWithItsOptions(path);
	}

	private String theFirstWordsOfANewCourseAreSaved() {
		browser.go("/courses");
		browser.navigate("#new-course");
		browser.type("#title", "Lifting safely");
		browser.waitForText("#autosave-status", "Saved automatically");
		String path = browser.path();
		assertThat(path).matches("/courses/[^/]+/edit");
		browser.go(path);
		assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Lifting safely");
		return path;
	}

	private void choosingOnlyATemplateIsSaved(String path) {
		new Select(browser.find("#templateId")).selectByValue(shortCourses.id());
		browser.waitForText("#autosave-status", "Saved automatically");
		browser.go(path);
		assertThat(new Select(browser.find("#templateId")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(shortCourses.id());
	}

	private void aTrueFalseQuestionComesWithItsOptions(String path) throws Exception {
		browser.navigate("button[value='add-question']");
		int last = browser.all("select[data-question-kind]").size() - 1;
		new Select(browser.find("#question-" + last + "-kind")).selectByValue("TRUE_FALSE");
		assertThat(browser.find("#question-" + last + "-option-0").getAttribute("value")).isEqualTo("True");
		assertThat(browser.find("#question-" + last + "-option-1").getAttribute("value")).isEqualTo("False");
		browser.screenshot("true-false-prefilled");
		browser.checkAccessibility();
		var course = authoring.course(fixtures.viewer(org.managerA()), new CourseId(path.replaceAll("/courses/([^/]+)/edit", "$1")));
		assertThat(course.title()).isEqualTo("Lifting safely");
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
