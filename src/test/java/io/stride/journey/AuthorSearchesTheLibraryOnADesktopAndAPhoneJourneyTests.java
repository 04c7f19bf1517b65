package io.stride.journey;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
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
 * An author searches the library, the catalogue and the editor's "Insert from the library" on a desktop (1280 px) and
 * a phone (390 px): the filters are wide enough to read what they hold, each label sits above its field, and "Search"
 * is an ordinary button. (Pico drew each search form as one pill: select boxes one letter wide and "Search" a blue
 * half-circle that covered half a phone's screen.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorSearchesTheLibraryOnADesktopAndAPhoneJourneyTests {

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
		browser = Browser.open(port, "search-forms");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void theLibraryAndCatalogueFiltersAndTheInsertDialogAreLaidOutAsForms() throws Exception {
		Viewer maya = fixtures.viewer(org.managerA());
		Viewer ben = fixtures.viewer(org.managerB());
		fixtures.publishedCourse(maya, "Running an EBR " + org.suffix());
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		browser.go("/login");
		browser.type("#email", org.email("manager-b"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");

		for (int width : new int[] { 1280, 390 }) {
			browser.windowSize(width, width == 390 ? 844 : 800);
			long viewport = browser.viewportWidth();
			for (String page : List.of("/library", "/catalogue")) {
				browser.go(page);
				String form = page.equals("/library") ? "#library-search" : "#catalogue-search";
				browser.screenshot(width + page.replace('/', '-'));
				// a select shows its choice: at least 9rem wide on a desktop, the whole width less margins on a phone
				for (Object selectWidth : (List<?>) browser.script("return [...document.querySelectorAll(arguments[0] + ' select')]"
						+ ".map(s => s.getBoundingClientRect().width);", form)) {
					assertThat(((Number) selectWidth).doubleValue()).as("a filter's width on " + page + " at " + width)
						.isGreaterThanOrEqualTo(width == 390 ? viewport - 60 : 144);
				}
				assertLabelAbove(form + " label[for=q]", "#q");
				assertOrdinaryButton(form + " button[type=submit]", viewport);
				browser.checkAccessibility();
			}

			browser.go("/courses/" + draft.id().value() + "/edit");
			if (width == 390) {
				// on a phone the outline, with its "Insert from library", is a drawer the header opens
				browser.click("#outline-toggle");
			}
			browser.click("#insert-from-library");
			assertThat(browser.find("#library-dialog").isDisplayed()).isTrue();
			assertLabelAbove("label[for=library-q]", "#library-q");
			assertOrdinaryButton("#library-search button[type=submit]", viewport);
			browser.type("#library-q", "Spot");
			browser.click("#library-search button[type=submit]");
			browser.waitForText("#library-status", "found.");
			browser.screenshot(width + "-insert-dialog");
			browser.checkAccessibility();
		}
	}

	/** The label's text ends above its field (Pico had put the label beside the field, inside the pill). */
	private void assertLabelAbove(String label, String field) {
		Number textBottom = (Number) browser.script("""
				const range = document.createRange();
				range.selectNodeContents(document.querySelector(arguments[0]).firstChild);
				return range.getBoundingClientRect().bottom;""", label);
		Number fieldTop = (Number) browser.script("return document.querySelector(arguments[0]).getBoundingClientRect().top;", field);
		assertThat(textBottom.doubleValue()).as(label + " above " + field + " on " + browser.path())
			.isLessThanOrEqualTo(fieldTop.doubleValue());
	}

	/** One line high, narrower than half the window, and with corners rounded no more than other buttons. */
	private void assertOrdinaryButton(String css, long viewport) {
		List<?> box = (List<?>) browser.script("""
				const b = document.querySelector(arguments[0]);
				const r = b.getBoundingClientRect();
				return [r.width, r.height, parseFloat(getComputedStyle(b).borderTopRightRadius)];""", css);
		assertThat(((Number) box.get(1)).doubleValue()).as("height of " + css + " on " + browser.path()).isLessThan(70);
		assertThat(((Number) box.get(0)).doubleValue()).as("width of " + css + " on " + browser.path()).isLessThan(viewport / 2.0);
		assertThat(((Number) box.get(2)).doubleValue()).as("corner of " + css + " on " + browser.path()).isLessThan(12);
	}
}
