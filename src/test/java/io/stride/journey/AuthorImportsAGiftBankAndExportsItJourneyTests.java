package io.stride.journey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.OutlineEditing;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author brings a Moodle question bank into a draft: from the editor to the import page, a file refused at its
 * field without a file, then a GIFT file whose preview lists what will be added and the essay that cannot be, the
 * import, and the course's questions exported again as GIFT, on a desk and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorImportsAGiftBankAndExportsItJourneyTests {

	private static final String BANK = """
			// exported from Moodle
			::Fire exits::Where is the nearest fire exit from the kitchen? {
			  =Left of the door#Yes.
			  ~Behind the desk
			  ####Exits are marked in green.
			}

			::Near miss::Describe a near miss you saw this month. {}

			::Alarm test::The alarm is tested every Monday. {T}
			""";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing editing;

	@TempDir
	Path files;

	Org org;

	Browser browser;

	Course course;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		course = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Fire safety " + org.suffix()));
		browser = Browser.open(port, "question-bank");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void authorImportsAGiftBankWithAPreviewAndExportsTheQuestions() throws Exception {
		signsIn("manager-a");
		opensTheImportPageFromTheEditor();
		previewsTheBankAndSeesTheEssayLeftOut();
		importsTheQuestions();
		exportsTheQuestionsAsGift();
	}

	private void opensTheImportPageFromTheEditor() throws Exception {
		browser.go("/courses/" + course.id().value() + "/edit");
		browser.navigate("#import-questions-link");
		assertThat(browser.find("h1").getText()).isEqualTo("Import questions");
		// without a file the page says so at the field
		browser.navigate("#preview-import");
		browser.waitForText("#file-error", "Choose a file");
		assertThat(browser.find("#file").getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.checkAccessibility();
	}

	private void previewsTheBankAndSeesTheEssayLeftOut() throws Exception {
		Path bank = files.resolve("fire-safety.gift");
		Files.writeString(bank, BANK, StandardCharsets.UTF_8);
		browser.click("#format-gift");
		browser.attach("#file", bank);
		browser.navigate("#preview-import");
		browser.waitForText("#import-summary", "2 questions will be added");
		assertThat(browser.find("#import-summary").getText()).contains("1 cannot be imported");
		assertThat(browser.find("#importable-items").getText()).contains("Fire exits", "Single choice",
				"Its answer feedback is kept in the explanation.", "Alarm test", "True / false");
		assertThat(browser.find("#unsupported-items").getText())
			.isEqualTo("Item 2: Near miss — an essay (a free answer marked by hand) has no Stride kind");
		assertThat(editing.outline(fixtures.viewer(org.managerA()), course.id()).quiz()).as("a preview writes nothing")
			.hasSize(2);
		assertThat(browser.find("#confirm-import").getText()).isEqualTo("Import 2 questions");
		browser.screenshot("preview");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkFitsWidth();
		browser.screenshot("preview-on-phone");
		browser.checkAccessibility();
		browser.windowSize(1280, 1000);
	}

	private void importsTheQuestions() {
		browser.navigate("#confirm-import");
		browser.waitForText(".notice", "Imported 2 questions into the final quiz; 1 left out as the preview said.");
		assertThat(browser.path()).isEqualTo("/courses/" + course.id().value() + "/edit");
		var quiz = editing.outline(fixtures.viewer(org.managerA()), course.id()).quiz();
		assertThat(quiz).hasSize(4);
		assertThat(quiz.get(2).prompt()).isEqualTo("Where is the nearest fire exit from the kitchen?");
		assertThat(quiz.get(3).prompt()).isEqualTo("The alarm is tested every Monday.");
	}

	private void exportsTheQuestionsAsGift() throws Exception {
		browser.navigate("#export-questions-link");
		assertThat(browser.find("h1").getText()).isEqualTo("Export questions");
		assertThat(browser.find("#export-summary").getText()).startsWith("4 questions of");
		String href = browser.find("#download-gift").getDomAttribute("href");
		// the download read as the signed-in author's browser reads it
		String gift = (String) browser.script("""
				const request = new XMLHttpRequest();
				request.open('GET', arguments[0], false);
				request.send();
				return request.status + '\\n' + request.responseText;""", href);
		assertThat(gift).startsWith("200\n");
		assertThat(gift).contains("::Quiz question 3::Where is the nearest fire exit from the kitchen? {",
				"=Left of the door", "####Exits are marked in green.\\n\\nLeft of the door\\: Yes.",
				"::Quiz question 4::The alarm is tested every Monday. {T}");
		browser.screenshot("export");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkFitsWidth();
		browser.screenshot("export-on-phone");
		browser.checkAccessibility();
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
