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
 * An author writes a course by hand in the outline editor and leaves the page at any moment: the new course's title,
 * the first words of a lesson, the template chosen in the settings and a true/false question are all kept.
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
		AuthorSteps author = new AuthorSteps(browser);
		String path = theNewCourseIsSavedUnderItsTitle(author);
		theFirstWordsOfALessonAreKeptWithoutPressingSave(author, path);
		theChosenTemplateIsKept(author, path);
		aTrueFalseQuestionComesWithItsOptionsAndIsKept(author, path);
	}

	private String theNewCourseIsSavedUnderItsTitle(AuthorSteps author) {
		String path = author.createsCourse("Lifting safely");
		browser.go(path);
		author.opensSettings();
		assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Lifting safely");
		return path;
	}

	private void theFirstWordsOfALessonAreKeptWithoutPressingSave(AuthorSteps author, String path) {
		String lesson = author.addsLesson("Bend your knees", "Keep your back straight");
		// leaves the page at once and comes back: what was typed a moment ago is there
		browser.go(path + "?element=" + lesson);
		assertThat(browser.find("#lesson-title").getAttribute("value")).isEqualTo("Bend your knees");
		assertThat(browser.find("#lesson-markdown").getAttribute("value")).isEqualTo("Keep your back straight");
	}

	private void theChosenTemplateIsKept(AuthorSteps author, String path) {
		author.opensSettings();
		new Select(browser.find("#templateId")).selectByValue(shortCourses.id());
		author.savesSettings();
		browser.go(path);
		author.opensSettings();
		assertThat(new Select(browser.find("#templateId")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(shortCourses.id());
		assertThat(browser.find("#settings-panel").getText()).contains("Short courses " + org.suffix());
	}

	private void aTrueFalseQuestionComesWithItsOptionsAndIsKept(AuthorSteps author, String path) throws Exception {
		String question = author.addsQuestion("TRUE_FALSE");
		assertThat(browser.find("#option-0").getAttribute("value")).isEqualTo("True");
		assertThat(browser.find("#option-1").getAttribute("value")).isEqualTo("False");
		author.retype("#question-prompt", "Lift with your back?");
		author.marksCorrect(1);
		author.saved();
		browser.screenshot("true-false-prefilled");
		browser.checkAccessibility();
		browser.go(path + "?element=" + question);
		assertThat(new Select(browser.find("#question-kind")).getFirstSelectedOption().getAttribute("value")).isEqualTo("TRUE_FALSE");
		assertThat(browser.find("#question-prompt").getAttribute("value")).isEqualTo("Lift with your back?");
		var course = authoring.course(fixtures.viewer(org.managerA()), new CourseId(path.replaceAll("/courses/([^/]+)/edit", "$1")));
		assertThat(course.title()).isEqualTo("Lifting safely");
		assertThat(course.lessons()).extracting(l -> l.title()).containsExactly("Bend your knees");
		assertThat(course.quiz().questions()).singleElement().satisfies(q -> {
			assertThat(q.options()).containsExactly("True", "False");
			assertThat(q.correct()).containsExactly(1);
		});
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
