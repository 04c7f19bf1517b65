package io.stride.journey;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.drafting.Drafting;
import io.stride.drafting.SourceFile;
import io.stride.support.BigHandbook;
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
 * A manager's handbook is too long for one course: the draft says so before anything is created, creating it makes
 * one course per part, split by module, and the draft's page links each. Every page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerCreatesCoursesFromADraftTooBigForOneJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Drafting drafting;

	Org org;

	Browser browser;

	String draftId;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		byte[] handbook = BigHandbook.markdown(8, 8).getBytes(StandardCharsets.UTF_8);
		draftId = drafting.keep(fixtures.viewer(org.managerA()), () -> List.of(new SourceFile("handbook.md", handbook)), null).id();
		browser = Browser.open(port, "draft-too-big");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void managerCreatesCoursesFromADraftTooBigForOne() throws Exception {
		signsIn();
		readsTheDraftsWarning();
		createsTheCourses();
		opensTheSecondPart();
	}

	private void signsIn() {
		browser.go("/login");
		browser.type("#email", org.email("manager-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
	}

	private void readsTheDraftsWarning() {
		browser.go("/drafts/" + draftId);
		assertThat(browser.find("#draft-warnings").getText()).contains("so it becomes 2 courses, split by module");
		browser.checkAccessibility();
	}

	private void createsTheCourses() throws Exception {
		browser.navigate("#create-course");
		assertThat(browser.path()).isEqualTo("/drafts/" + draftId);
		assertThat(browser.text()).contains("The draft became 2 courses, split by module.");
		assertThat(browser.all("#created-courses li a")).extracting(a -> a.getText())
			.containsExactly("The Acme Operations Handbook (part 1 of 2)", "The Acme Operations Handbook (part 2 of 2)");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.screenshot("draft-became-two-courses");
	}

	private void opensTheSecondPart() {
		browser.navigate(browser.link("The Acme Operations Handbook (part 2 of 2)"));
		assertThat(browser.path()).matches("/courses/[^/]+/edit");
		assertThat(browser.find("#title").getAttribute("value")).isEqualTo("The Acme Operations Handbook (part 2 of 2)");
		// it opens in the outline editor: the outline beside one lesson, Publish in the header
		assertThat(browser.find("#editor-header h1").getText()).isEqualTo("The Acme Operations Handbook (part 2 of 2)");
		assertThat(browser.all("#outline-tree .outline-link")).isNotEmpty();
		assertThat(browser.find("#element-heading").getText()).startsWith("Lesson: ");
	}
}
