package io.stride.journey;

import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an author does in the outline editor, shared by the journeys that write courses: create a course by its title,
 * add lessons, questions and knowledge checks one at a time (each autosaves), fill the settings panel, publish. Every
 * step uses the page as a person would: buttons, links and typing, never a request of its own.
 */
final class AuthorSteps {

	private final Browser browser;

	AuthorSteps(Browser browser) {
		this.browser = browser;
	}

	/** From "My courses", names a new course; answers the editor's address ({@code /courses/{id}/edit}). */
	String createsCourse(String title) {
		browser.go("/courses");
		browser.navigate("#new-course");
		browser.type("#title", title);
		browser.navigate("#create-course");
		String path = browser.path();
		assertThat(path).matches("/courses/[^/]+/edit");
		assertThat(browser.find("#editor-header h1").getText()).isEqualTo(title);
		return path;
	}

	/** The id of the element the editor shows, from its address. */
	String currentElement() {
		String url = (String) browser.script("return window.location.search;");
		return url.replaceAll(".*element=([^&]+).*", "$1");
	}

	/** Adds a lesson after the one shown (or the first) and writes it; waits until it is saved. */
	String addsLesson(String title, String markdown) {
		browser.navigate("#add-lesson");
		retype("#lesson-title", title);
		retype("#lesson-markdown", markdown);
		saved();
		assertThat(browser.find("#lesson-title").getAttribute("value")).isEqualTo(title);
		return currentElement();
	}

	/** Adds a new module with its first lesson, named {@code module}. */
	String addsModule(String module, String title, String markdown) {
		browser.navigate("#add-module");
		String lesson = currentElement();
		renamesModuleOf(lesson, module);
		opens(lesson);
		retype("#lesson-title", title);
		retype("#lesson-markdown", markdown);
		saved();
		return lesson;
	}

	/** Renames the module the lesson is in, from the outline's "Module…" tools. */
	void renamesModuleOf(String lesson, String newName) {
		var module = browser.find("li.outline-item[data-id='" + lesson + "']").findElement(
				org.openqa.selenium.By.xpath("ancestor::li[contains(@class,'outline-module')]"));
		module.findElement(org.openqa.selenium.By.cssSelector(".module-tools summary")).click();
		var name = module.findElement(org.openqa.selenium.By.cssSelector("input[name=newName]"));
		name.sendKeys(Keys.chord(Keys.CONTROL, "a"), newName);
		browser.navigate(module.findElement(org.openqa.selenium.By.cssSelector(".module-tools button[type=submit]")));
	}

	/** Opens an element from the outline. */
	void opens(String elementId) {
		browser.navigate("#outline-tree a.outline-link[href$='element=" + elementId + "'], .outline-quiz a.outline-link[href$='element="
				+ elementId + "']");
	}

	/** Adds a question to the final quiz and chooses its kind (the kind's fields show, the others hide). */
	String addsQuestion(String kind) {
		browser.navigate("#add-question");
		assertThat(browser.find("#element-heading").getText()).isEqualTo("Quiz question");
		new Select(browser.find("#question-kind")).selectByValue(kind);
		return currentElement();
	}

	/** Adds a knowledge check after the lesson shown and chooses its kind. */
	String addsKnowledgeCheck(String kind) {
		browser.navigate("#add-check");
		assertThat(browser.find("#element-heading").getText()).startsWith("Knowledge check after");
		new Select(browser.find("#question-kind")).selectByValue(kind);
		return currentElement();
	}

	/**
	 * Ticks exactly these options as correct (a new question comes with its first option ticked), by clicking the
	 * boxes that differ.
	 */
	void marksCorrect(int... indexes) {
		var wanted = java.util.Arrays.stream(indexes).boxed().toList();
		var boxes = browser.all("#question-options input[type=checkbox][id$='-correct']");
		for (int i = 0; i < boxes.size(); i++) {
			if (boxes.get(i).isSelected() != wanted.contains(i)) {
				boxes.get(i).click();
			}
		}
	}

	/** Selects a field's text and types over it, as a person would. */
	void retype(String css, String text) {
		browser.find(css).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		browser.find(css).sendKeys(text);
	}

	/** Waits until the header says the element is saved. */
	void saved() {
		browser.waitForText("#save-state", "Saved");
	}

	/** Opens the settings panel from the header. */
	void opensSettings() {
		browser.click("#settings-open");
		assertThat(browser.find("#title").isDisplayed()).isTrue();
	}

	/** Saves the settings panel; the editor comes back saying so. */
	void savesSettings() {
		browser.navigate("#save-settings");
		assertThat(browser.text()).contains("Settings saved.");
	}

	/** Publishes (or sends for review) from the header, which is in view wherever the page is scrolled. */
	void publishes() {
		browser.navigate("#publish");
	}
}
