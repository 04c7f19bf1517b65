package io.stride.journey;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.OutlineEditing;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author opens a course of 10 lessons and 25 questions in the outline editor: the page stays about as tall as
 * the screen, Publish stays in view, a lesson autosaves, the outline is reordered by keyboard, undo puts text back,
 * the settings open from the header, and it all works at 390 px. A second session editing the same lesson sees both
 * texts side by side and keeps its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorEditsACourseInTheOutlineEditorJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing editing;

	Org org;

	Viewer author;

	Course course;

	Browser browser;

	Browser second;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		List<Lesson> lessons = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			List<Question> checks = i <= 5 ? List.of(new Question(null, QuestionKind.TRUE_FALSE, "Is step " + i + " needed?",
					List.of("True", "False"), List.of(0), "")) : List.of();
			lessons.add(new Lesson(null, "Lesson " + i, ("Paragraph of lesson " + i + ". ").repeat(40), List.of(),
					i <= 5 ? "Getting started" : "Going further", checks));
		}
		List<Question> quiz = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			quiz.add(new Question(null, QuestionKind.SINGLE_CHOICE, "Question " + i + "?", List.of("Yes", "No", "Maybe"),
					List.of(0), "Because."));
		}
		course = authoring.create(author, new CourseContent("Safe lifting", "How to lift safely.", lessons,
				new Quiz(80, quiz)));
		browser = Browser.open(port, "outline-editor");
	}

	@AfterEach
	void stop() {
		browser.close();
		if (second != null) {
			second.close();
		}
	}

	@Test
	void authorEditsACourseMadeOfPartsWithoutAHugePage() throws Exception {
		signsIn(browser);
		browser.windowSize(1280, 800);
		String path = "/courses/" + course.id().value() + "/edit";
		browser.go(path);
		browser.waitForText("#element-heading", "Lesson: Lesson 1");
		long height = ((Number) browser.script("return document.documentElement.scrollHeight;")).longValue();
		long screen = ((Number) browser.script("return window.innerHeight;")).longValue();
		assertThat(height).as("page height with 10 lessons and 25 questions").isLessThan(3 * screen);
		assertThat(publishInView()).isTrue();
		browser.script("window.scrollTo(0, document.documentElement.scrollHeight);");
		assertThat(publishInView()).as("Publish stays in view at the bottom of the page").isTrue();
		browser.script("window.scrollTo(0, 0);");
		browser.checkAccessibility();
		browser.screenshot("desktop");

		// a lesson autosaves a moment after typing
		retype(browser, "#lesson-markdown", "Bend your knees, keep your back straight.");
		browser.waitForText("#save-state", "Saved");
		assertThat(authoring.editable(author, course.id()).lessons().get(0).markdown())
			.isEqualTo("Bend your knees, keep your back straight.");

		// arrow keys move through the outline; "move down" by keyboard reorders, and the focus stays on it
		browser.find("#outline-tree .outline-link").sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.focused().getText()).isEqualTo("Check: Is step 1 needed?");
		browser.focused().sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.focused().getText()).isEqualTo("Lesson 2");
		browser.focused().sendKeys(Keys.ARROW_UP);
		assertThat(browser.focused().getText()).isEqualTo("Check: Is step 1 needed?");
		String first = course.lessons().get(0).id();
		browser.navigateByKeyboard("#move-down-" + first);
		assertThat(authoring.editable(author, course.id()).lessons().get(1).id()).isEqualTo(first);
		assertThat(browser.focused().getAttribute("id")).isEqualTo("move-down-" + first);
		browser.waitForText("#announce", "Moved \u201cLesson 1\u201d to place 2 of 5");

		// undo puts the lesson's text back as it was
		browser.navigate("#undo");
		assertThat(browser.find("#lesson-markdown").getAttribute("value")).startsWith("Paragraph of lesson 1.");
		assertThat(authoring.editable(author, course.id()).lesson(first).orElseThrow().markdown())
			.startsWith("Paragraph of lesson 1.");

		// a renamed lesson shows its new name in its heading and in the outline without a reload
		retype(browser, "#lesson-title", "Lifting basics");
		browser.waitForText("#element-heading", "Lesson: Lifting basics");
		assertThat(browser.find("#outline-tree .outline-link[aria-current=page]").getText()).isEqualTo("Lifting basics");
		assertThat(authoring.editable(author, course.id()).lesson(first).orElseThrow().title()).isEqualTo("Lifting basics");

		// the settings open from the header
		browser.click("#settings-open");
		assertThat(browser.find("#title").isDisplayed()).isTrue();
		browser.checkAccessibility();

		// on a phone the outline is a drawer the header opens
		browser.windowSize(390, 844);
		browser.go(path + "?element=" + first);
		assertThat(browser.find("#outline-tree").isDisplayed()).isFalse();
		// the sticky header keeps to title, save state and buttons: a small part of the phone's height
		assertThat(((Number) browser.script("return document.querySelector('.editor-header').getBoundingClientRect().height;"))
			.doubleValue()).isLessThan(130);
		browser.click("#outline-toggle");
		assertThat(browser.find("#outline-tree").isDisplayed()).isTrue();
		assertThat(publishInView()).isTrue();
		browser.checkAccessibility();
		browser.screenshot("phone");
		browser.windowSize(1280, 800);

		// a second session edits the same lesson: the later save sees both texts and keeps its own
		second = Browser.open(port, "outline-editor-second");
		signsIn(second);
		String lesson = course.lessons().get(2).id();
		browser.go(path + "?element=" + lesson);
		second.go(path + "?element=" + lesson);
		retype(browser, "#lesson-markdown", "First session's text.");
		browser.waitForText("#save-state", "Saved");
		retype(second, "#lesson-markdown", "Second session's text.");
		second.waitForText("#save-state", "Not saved: conflict");
		assertThat(second.find("#save-state").getText()).isEqualTo("Not saved: conflict (see below)");
		assertThat(second.find("#conflict").isDisplayed()).isTrue();
		// the conflict's heading is in view, not under the sticky header
		assertThat((Boolean) second.script("const h = document.querySelector('.editor-header').getBoundingClientRect();"
				+ "const c = document.getElementById('conflict-heading').getBoundingClientRect();"
				+ "return c.top >= h.bottom && c.bottom <= window.innerHeight;")).isTrue();
		assertThat(second.find("#conflict-theirs").getText()).contains("First session's text.");
		assertThat(second.find("#conflict-yours").getText()).contains("Second session's text.");
		assertThat(authoring.editable(author, course.id()).lesson(lesson).orElseThrow().markdown())
			.isEqualTo("First session's text.");
		second.checkAccessibility();
		second.screenshot("conflict");
		second.click("#keep-mine");
		second.waitForText("#save-state", "Saved");
		assertThat(authoring.editable(author, course.id()).lesson(lesson).orElseThrow().markdown())
			.isEqualTo("Second session's text.");
	}

	@Test
	void authorChangesASettingWithoutPressingSaveAndRemovesAModuleThenBringsItBack() throws Exception {
		signsIn(browser);
		browser.windowSize(1280, 800);
		String path = "/courses/" + course.id().value() + "/edit";
		browser.go(path);
		browser.waitForText("#element-heading", "Lesson: Lesson 1");

		// a setting saves a moment after typing, with no button pressed
		browser.click("#settings-open");
		retype(browser, "#title", "Lifting safely at work");
		browser.waitForText("#settings-save-state", "Saved at ");
		assertThat(authoring.editable(author, course.id()).title()).isEqualTo("Lifting safely at work");
		assertThat(browser.find(".editor-title h1").getText()).isEqualTo("Lifting safely at work");
		// a bad value is shown at its field, not saved, and what was typed stays
		retype(browser, "#passMark", "150");
		browser.waitForText("#settings-save-state", "Not saved:");
		assertThat(browser.find("#passMark-error").getText()).contains("whole percentage");
		assertThat(browser.find("#passMark").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#passMark").getAttribute("value")).isEqualTo("150");
		assertThat(authoring.editable(author, course.id()).quiz().passMark()).isEqualTo(80);
		browser.checkAccessibility();
		browser.screenshot("settings-error");
		retype(browser, "#passMark", "70");
		browser.waitForText("#settings-save-state", "Saved at ");
		assertThat(authoring.editable(author, course.id()).quiz().passMark()).isEqualTo(70);
		assertThat(browser.find("#passMark-error").getText()).isEmpty();
		// someone else saves the settings meanwhile: the next autosave shows both, and "Keep mine" saves over theirs
		Course now = authoring.editable(author, course.id());
		editing.saveSettings(fixtures.admin(), course.id(), editing.outline(author, course.id()).settingsRevision(),
				new OutlineEditing.Settings("Lifting, their title", now.description(), now.objectives(), null, null, 70,
						now.quiz().settings()));
		retype(browser, "#description", "How to lift safely, my words.");
		browser.waitForText("#settings-save-state", "Not saved: conflict");
		assertThat(browser.find("#settings-conflict-theirs").getText()).contains("Title: Lifting, their title");
		assertThat(browser.find("#settings-conflict-yours").getText()).contains("Title: Lifting safely at work");
		assertThat(authoring.editable(author, course.id()).title()).isEqualTo("Lifting, their title");
		browser.checkAccessibility();
		browser.click("#settings-keep-mine");
		browser.waitForText("#settings-save-state", "Saved at ");
		assertThat(authoring.editable(author, course.id()).title()).isEqualTo("Lifting safely at work");
		assertThat(authoring.editable(author, course.id()).description()).isEqualTo("How to lift safely, my words.");

		// a whole module moves down by keyboard, and the focus stays on its button
		browser.go(path);
		browser.navigateByKeyboard("#module-down-0");
		assertThat(authoring.editable(author, course.id()).lessons().get(0).title()).isEqualTo("Lesson 6");
		assertThat(browser.focused().getAttribute("id")).isEqualTo("module-down-1");
		browser.waitForText("#announce", "Moved module \u201cGetting started\u201d to place 2 of 2.");

		// the module is removed with its lessons and checks after a confirmation; "Restore it" brings it all back
		browser.all(".module-tools summary").get(1).click();
		browser.script("window.confirm = (m) => { sessionStorage.setItem('confirmed', m); return true; };");
		browser.navigate("#remove-module-1");
		assertThat((String) browser.script("return sessionStorage.getItem('confirmed');"))
			.isEqualTo("Remove module \u201cGetting started\u201d with its 5 lessons and their knowledge checks? "
					+ "You can restore it right after.");
		assertThat(browser.find(".notice").getText())
			.isEqualTo("Removed module \u201cGetting started\u201d with its 5 lessons and their knowledge checks.");
		Course without = authoring.editable(author, course.id());
		assertThat(without.lessons()).hasSize(5).allMatch(l -> "Going further".equals(l.module()));
		assertThat(without.knowledgeChecks()).isEmpty();
		assertThat(browser.focused().getAttribute("id")).isEqualTo("restore");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.screenshot("module-removed-phone");
		browser.windowSize(1280, 800);
		browser.navigateByKeyboard("#restore");
		assertThat(browser.find(".notice").getText()).startsWith("Restored the module where it was");
		Course back = authoring.editable(author, course.id());
		assertThat(back.lessons()).extracting(Lesson::title).containsExactly("Lesson 6", "Lesson 7", "Lesson 8",
				"Lesson 9", "Lesson 10", "Lesson 1", "Lesson 2", "Lesson 3", "Lesson 4", "Lesson 5");
		assertThat(back.knowledgeChecks()).hasSize(5);
		assertThat(browser.all("#outline-tree .outline-module")).hasSize(2);
	}

	@Test
	void authorDragsTheLastLessonOfACourseWithoutModulesOntoTheFirst() throws Exception {
		CourseContent flat = new CourseContent("Fire drill", "Where to go.", List.of(
				new Lesson(null, "Alarm", "Hear it.", List.of(), null), new Lesson(null, "Exits", "Find them.", List.of(), null),
				new Lesson(null, "Meeting point", "Go there.", List.of(), null)),
				new Quiz(80, List.of(new Question(null, QuestionKind.SINGLE_CHOICE, "Where do we meet?",
						List.of("Car park", "Canteen"), List.of(0), "It is signposted."))));
		Course drill = authoring.create(author, flat);
		signsIn(browser);
		browser.windowSize(1280, 800);
		browser.go("/courses/" + drill.id().value() + "/edit");
		browser.waitForText("#element-heading", "Lesson: Alarm");
		assertThat(browser.all("#outline-tree .outline-module .module-tools")).isEmpty();
		assertThat(browser.all("#outline-tree .outline-module [id^=module-up-]")).isEmpty();
		// HTML drag and drop as the browser fires it: dragstart on the last lesson, dragover and drop on the first
		// (what the script posts is kept to look at: a lesson in no module has no data-module attribute at all)
		browser.script("const submit = HTMLFormElement.prototype.submit;"
				+ "HTMLFormElement.prototype.submit = function () {"
				+ "  sessionStorage.setItem('sent-module', this.elements.module ? this.elements.module.value : '(none)');"
				+ "  submit.call(this); };"
				+ "const items = document.querySelectorAll('#outline-tree .outline-item[data-kind=LESSON]');"
				+ "const data = new DataTransfer();"
				+ "const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));"
				+ "fire(items[2], 'dragstart'); fire(items[0], 'dragover'); fire(items[0], 'drop');");
		browser.waitForText("#announce", "Moved \u201cMeeting point\u201d to place 1 of 3 (no module)");
		assertThat(browser.all("#outline-tree .outline-link")).extracting(a -> a.getText())
			.containsExactly("Meeting point", "Alarm", "Exits");
		assertThat(authoring.editable(author, drill.id()).lessons()).extracting(Lesson::title)
			.containsExactly("Meeting point", "Alarm", "Exits");
		assertThat(authoring.editable(author, drill.id()).lessons()).extracting(Lesson::module).containsOnlyNulls();
		assertThat(browser.find("#outline-tree").getText()).doesNotContain("undefined");
		assertThat(browser.script("return sessionStorage.getItem('sent-module');")).isEqualTo("");
	}

	/** Selects the field's text and types over it, as a person would (no programmatic clearing). */
	private static void retype(Browser b, String css, String text) {
		b.find(css).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
	}

	private boolean publishInView() {
		return (Boolean) browser.script("const r = document.getElementById('publish').getBoundingClientRect();"
				+ "return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;");
	}

	private void signsIn(Browser b) {
		b.go("/login");
		b.type("#email", org.email("manager-a"));
		b.type("#password", Fixtures.PASSWORD);
		b.navigate("button[type=submit]");
	}
}
