package io.stride.journey;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author inserts a published lesson of another course from the editor's "Insert from library" dialog, linked: it
 * opens read-only with where it came from. The dialog and the page after it pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorInsertsALessonFromTheLibraryJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		browser = Browser.open(port, "insert-from-library");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void authorInsertsALessonFromTheLibraryLinked() throws Exception {
		String word = "kw" + org.suffix().replace("-", "x");
		Viewer maya = fixtures.viewer(org.managerA());
		Viewer ben = fixtures.viewer(org.managerB());
		fixtures.publishedCourse(maya, "Running an EBR " + word);
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));

		browser.go("/login");
		browser.type("#email", org.email("manager-b"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		browser.windowSize(1280, 800);
		browser.go("/courses/" + draft.id().value() + "/edit");
		browser.click("#insert-from-library");
		assertThat(browser.find("#library-dialog").isDisplayed()).isTrue();
		browser.type("#library-q", word + " Spot");
		browser.click("#library-search button[type=submit]");
		browser.waitForText("#library-status", "1 found.");
		assertThat(browser.find("#library-results li").getText()).contains("Spot it", "Running an EBR " + word + " v1 by Manager A");
		browser.checkAccessibility();
		browser.screenshot("dialog");
		var linked = browser.find("#library-results li").findElement(By.xpath(".//button[text()='Insert linked']"));
		// each result's buttons are named with its title, for a screen reader's list of buttons
		assertThat(linked.getAttribute("aria-label")).isEqualTo("Insert linked: \u201cSpot it\u201d");
		browser.navigate(linked);
		assertThat(browser.find("#inserted-notice").getText()).isEqualTo("Inserted \u201cSpot it\u201d (linked)");

		assertThat(browser.find("#element-heading").getText()).isEqualTo("Lesson: Spot it");
		assertThat(browser.find("#linked-note").getText()).contains("shows its source as it is").contains("Detach to edit your own copy");
		// it went in right after the lesson open in the editor, not at the end
		assertThat(authoring.editable(ben, draft.id()).lessons()).extracting(Lesson::title)
			.containsExactly("Spot it", "Spot it", "Report it");
		assertThat(browser.find("#element-area .provenance").getText())
			.contains("Reused from Running an EBR " + word + " v1 by Manager A");
		assertThat(browser.all("#outline-tree .outline-link")).extracting(a -> a.getText()).contains("Spot it", "Report it");
		assertThat(authoring.editable(ben, draft.id()).lessons()).hasSize(3);
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.screenshot("phone");
	}
}
