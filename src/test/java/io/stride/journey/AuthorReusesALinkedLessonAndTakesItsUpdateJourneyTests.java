package io.stride.journey;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
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
 * An author finds a lesson in the library and adds it to their draft linked; its source publishes a change that also
 * adds a knowledge check; the author reads the diff and what changes on the course page, finds the update marked in the
 * editor's outline and takes it there, and the check appears under the lesson. The library, the component page, the
 * course page and the editor pass axe-core on a desktop and a 390 px phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorReusesALinkedLessonAndTakesItsUpdateJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Viewer maya;

	Course source;

	Course draft;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		maya = fixtures.viewer(org.managerA());
		source = fixtures.publishedCourse(maya, "Running an EBR " + org.suffix());
		draft = authoring.create(fixtures.viewer(org.managerB()), Fixtures.sampleCourse("Onboarding " + org.suffix()));
		browser = Browser.open(port, "library-reuse");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void anAuthorReusesALessonLinkedAndTakesTheUpdateItsSourcePublishes() throws Exception {
		signIn(org.email("manager-b"));
		browser.windowSize(1280, 900);
		browser.go("/courses");
		browser.navigate("#reuse-from-library-link");
		browser.type("#q", "Running an EBR " + org.suffix());
		browser.select("#kind", "Lesson");
		browser.navigate("#library-search button[type=submit]");
		assertThat(browser.text()).contains("2 components").contains("from Running an EBR " + org.suffix() + " v1 by Manager A");
		browser.checkAccessibility();
		browser.checkFitsAPhone();

		browser.navigate(browser.link("Spot it"));
		assertThat(browser.find("#provenance").getText()).isEqualTo("from Running an EBR " + org.suffix() + " v1 by Manager A");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.select("#courseId", "Onboarding " + org.suffix());
		browser.click("#mode-linked");
		browser.navigate("#reuse-button");
		// the editor opens at the lesson just reused
		assertThat(browser.path()).startsWith("/courses/" + draft.id().value() + "/edit?element=");
		// the editor's outline marks the reused lesson as linked
		assertThat(browser.all("#outline-tree .origin-tag")).extracting(tag -> tag.getText()).containsExactly("linked");

		publishChange("Report within **2 hours**.", "Who do you tell first?");

		browser.go("/courses/" + draft.id().value() + "/assign");
		assertThat(browser.find("#updates-heading").getText()).isEqualTo("Updates available");
		// the diff reads as lines removed and added, marked with a sign, without a unified diff's headers
		assertThat(browser.all(".component-update .update-diff ins"))
			.extracting(line -> line.getText().replaceAll("\\s+", " ").replace("Added: ", ""))
			.contains("+ Report within **2 hours**.", "+ Who do you tell first?");
		assertThat(browser.find(".component-update .update-diff").getText()).doesNotContain("@@").doesNotContain("+++");
		assertThat(browser.all(".component-update .structural-changes li")).extracting(li -> li.getText())
			.containsExactly("Adds a knowledge check: “Who do you tell first?”");
		browser.checkAccessibility();
		browser.checkFitsAPhone();

		// the editor marks the linked lesson in the outline and offers the update beside it
		browser.go("/courses/" + draft.id().value() + "/edit");
		assertThat(browser.find("#outline-tree .update-tag").getText()).isEqualTo("update waiting: v2");
		browser.navigate(browser.find("#outline-tree .update-tag").findElement(By.xpath(
				"./preceding-sibling::a[contains(@class,'outline-link')]")));
		assertThat(browser.find("#element-update-heading").getText())
			.isEqualTo("An update from Running an EBR " + org.suffix() + " v2 is waiting");
		assertThat(browser.all("#element-update .structural-changes li")).extracting(li -> li.getText())
			.containsExactly("Adds a knowledge check: “Who do you tell first?”");
		assertThat(browser.all("#undo")).isEmpty();
		assertThat(browser.find("#detach").getText()).isEqualTo("Detach to edit your own copy");
		browser.scrollTo("#element-update");
		browser.screenshot("editor-update");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.windowSize(1280, 900);
		String lessonPath = browser.path();
		browser.navigate("#take-update");
		assertThat(browser.path()).isEqualTo(lessonPath);
		assertThat(browser.text()).contains("The update was taken into your draft");
		assertThat(browser.all("#element-update")).isEmpty();
		assertThat(browser.all("#outline-tree .update-tag")).isEmpty();
		Lesson taken = authoring.editable(fixtures.viewer(org.managerB()), draft.id()).lessons().get(2);
		assertThat(taken.markdown()).isEqualTo("Report within **2 hours**.");
		// the check the source added is in the outline, under the linked lesson
		assertThat(browser.all("#outline-tree .outline-checks .outline-link")).extracting(link -> link.getText())
			.containsExactly("Check: Who do you tell first?");
		browser.checkAccessibility();

		browser.go("/courses/" + draft.id().value() + "/assign");
		assertThat(browser.all("#component-updates")).isEmpty();
	}

	@Test
	void anEmptyLibrarySearchExplainsWhatAComponentIsOnAPhone() throws Exception {
		signIn(org.email("learner-a"));
		browser.windowSize(390, 844);
		browser.go("/library?q=nothing" + org.suffix().replace("-", "x"));
		assertThat(browser.find("#no-components").getText()).contains("A component is a lesson");
		browser.checkAccessibility();
		browser.checkFitsWidth();
	}

	/** The source's next version: its first lesson's text changed and a knowledge check added under it. */
	private void publishChange(String firstLessonText, String newCheck) {
		Course next = authoring.startVersion(maya, source.id(), authoring.editable(maya, source.id()).revision());
		Lesson first = next.lessons().getFirst();
		List<Lesson> lessons = new ArrayList<>(next.lessons());
		List<Question> checks = new ArrayList<>(first.knowledgeChecks());
		checks.add(new Question(null, QuestionKind.SINGLE_CHOICE, newCheck, List.of("Your manager", "Nobody"), List.of(0),
				"Your manager hears it first."));
		lessons.set(0, new Lesson(first.id(), first.title(), firstLessonText, first.sources(), first.module(), checks));
		next = authoring.update(maya, source.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.publish(maya, source.id(), next.revision());
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
