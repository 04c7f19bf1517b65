package io.stride.journey;

import io.stride.identity.Role;
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
 * An admin writes a template for short how-tos; a manager drafts a course against it and sees, in the draft's
 * and the editor's settings panel, what the template asks for. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminSetsATemplateAndManagerDraftsAgainstItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	Browser browser;

	String template;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Template Admin", "template-admin", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), Role.ADMIN);
		template = "Short how-tos " + org.suffix();
		browser = Browser.open(port, "course-template");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void adminSetsATemplateAndManagerDraftsAgainstIt() throws Exception {
		signsIn("template-admin");
		writesTheTemplate();
		looksAtDeletingItAndKeepsIt();
		signsOut();

		signsIn("manager-a");
		draftsACourseWithTheTemplate();
		seesTheTemplatesFindingsInTheEditor();
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
	}

	private void signsOut() {
		browser.navigate("form[action='/logout'] button");
		assertThat(browser.text()).contains("You are signed out.");
	}

	private void writesTheTemplate() throws Exception {
		browser.go("/admin/people");
		browser.navigate(browser.link("Templates"));
		assertThat(browser.text()).contains("Stride standard");
		browser.checkAccessibility();
		browser.navigate(browser.link("New template"));
		browser.type("#name", template);
		browser.type("#maxLessonWords", "ten");
		browser.navigate("#save");
		assertThat(browser.find("#maxLessonWords-error").getText()).isEqualTo("Enter a whole number, or leave it empty.");
		browser.checkAccessibility();
		browser.type("#maxLessonWords", "10");
		browser.type("#toneTerms", "utilize = use");
		browser.navigate("#save");
		assertThat(browser.text()).contains("Created the template \"" + template + "\".");
		browser.checkAccessibility();
		browser.screenshot("templates");
	}

	private void looksAtDeletingItAndKeepsIt() {
		browser.navigate(browser.find("a[aria-label='Delete " + template + "']"));
		assertThat(browser.find("h1").getText()).isEqualTo("Delete the template “" + template + "”?");
		browser.checkAccessibility();
		browser.navigate(browser.link("Keep it"));
		assertThat(browser.text()).contains(template);
	}

	private void draftsACourseWithTheTemplate() throws Exception {
		browser.go("/drafts/new");
		new Select(browser.find("#template")).selectByVisibleText(template);
		browser.type("#text", "# Expense claims\n\nUtilize the expense tool for every claim. Attach the receipt to "
				+ "each claim. Managers approve claims every Friday. Finance pays approved claims within 5 days.");
		browser.navigate("#draft");
		browser.waitForText("h1", "Expense claims");
		assertThat(browser.text()).contains("Checked against the template “" + template + "”");
		assertThat(new Select(browser.find("#template")).getFirstSelectedOption().getText()).isEqualTo(template);
		browser.checkAccessibility();
		browser.navigate("#create-course");
	}

	private void seesTheTemplatesFindingsInTheEditor() throws Exception {
		assertThat(browser.text()).contains("Course created from the draft");
		// the editor's settings panel holds the template and what it finds
		new AuthorSteps(browser).opensSettings();
		assertThat(new Select(browser.find("#templateId")).getFirstSelectedOption().getText()).isEqualTo(template);
		assertThat(browser.find(".template-findings").getText()).contains("Checked against the template “" + template + "”")
			.contains("says 'Utilize': write 'use'")
			.containsPattern("has \\d+ words; the template allows 10");
		browser.checkAccessibility();
		browser.screenshot("editor-template-findings");
	}
}
