package io.stride.authoring.web;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.stride.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outline editor's page: the outline beside one element, autosave of that element (with a conflict answering
 * both texts), the structural forms (add, move, remove and restore, undo), the settings and publishing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutlineEditorPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Viewer author;

	RequestPostProcessor manager;

	Course course;

	@BeforeEach
	void aDraft() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		manager = as(fixtures.viewerPerson(org.managerA()));
		CourseContent sample = Fixtures.sampleCourse("Incident reports");
		course = authoring.create(author, sample.with(List.of(new Lesson(null, "Spot it", "Report within **1 hour**.",
				List.of(), "Basics"), new Lesson(null, "Report it", "Use the form.", List.of(), "Basics")), sample.quiz()));
	}

	@Test
	void thePageShowsTheOutlineAndOneElementAtATime() throws Exception {
		Document page = page("");
		assertThat(page.select("#outline-tree .outline-link").eachText()).containsExactly("Spot it", "Report it");
		assertThat(page.select(".outline-quiz .outline-link").eachText()).containsExactly("1. Report within?",
				"2. Which are steps?");
		assertThat(page.select("#element-heading").text()).isEqualTo("Lesson: Spot it");
		assertThat(page.select("#lesson-markdown").text()).isEqualTo("Report within **1 hour**.");
		// the media dialog's buttons name the lesson's text area; the dialog and its script are on the page
		assertThat(page.select("[data-insert-media]").attr("data-insert-media")).isEqualTo("lesson-markdown");
		assertThat(page.select("[data-insert-callout]").attr("data-insert-callout")).isEqualTo("lesson-markdown");
		assertThat(page.select("#media-dialog form#media-form")).hasSize(1);
		assertThat(page.select("script[src^=/js/media]")).hasSize(1);
		// no second editor: the long one-page builder is gone
		assertThat(page.select("#classic-builder, form#builder")).isEmpty();
		assertThat(page.select("#publish").text()).isEqualTo("Publish");
		assertThat(page.select("#settings-panel #title").val()).isEqualTo("Incident reports");
		// only one element's fields are on the page
		assertThat(page.select("#element-area textarea")).hasSize(1);

		String question = course.quiz().questions().get(1).id();
		Document q = page("?element=" + question);
		assertThat(q.select("#element-heading").text()).isEqualTo("Quiz question");
		assertThat(q.select("#question-prompt").text()).isEqualTo("Which are steps?");
		assertThat(q.select("#question-kind option[selected]").val()).isEqualTo("MULTIPLE_CHOICE");
		assertThat(q.select(".builder-row input[type=text]:not([data-kinds])").eachAttr("value")).startsWith("Stop", "Report",
				"Ignore");

		mvc.perform(get("/courses/" + course.id().value() + "/edit").with(as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isNotFound());
		// the editor's earlier address leads to the same element at /edit
		mvc.perform(get("/courses/" + course.id().value() + "/outline?element=" + question).with(manager))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/courses/" + course.id().value() + "/edit?element=" + question));
	}

	@Test
	void autosaveSavesOneElementAndASecondTabOnAnOldRevisionSeesBothTexts() throws Exception {
		String lesson = course.lessons().get(0).id();
		mvc.perform(post(element(lesson)).with(manager).with(csrf()).param("type", "lesson").param("revision", "1")
				.param("title", "Spot it").param("markdown", "Within one hour."))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(post(element(lesson)).with(manager).with(csrf()).param("type", "lesson").param("revision", "1")
				.param("title", "Spot it").param("markdown", "Older tab."))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.theirs.markdown").value("Within one hour."))
			.andExpect(jsonPath("$.yours.markdown").value("Older tab."))
			.andExpect(jsonPath("$.theirRevision").value(2));
		mvc.perform(post(element(lesson)).with(manager).with(csrf()).param("type", "lesson").param("revision", "2")
				.param("title", "").param("markdown", "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").value("Give the lesson a title."));
		String question = course.quiz().questions().get(0).id();
		mvc.perform(post(element(question)).with(manager).with(csrf()).param("type", "question").param("revision", "1")
				.param("kind", "SINGLE_CHOICE").param("prompt", "Report within what?")
				.param("options[0].text", "1 hour").param("options[0].correct", "true")
				.param("options[1].text", "1 week").param("options[2].text", ""))
			.andExpect(status().isOk());
		Course saved = authoring.editable(author, course.id());
		assertThat(saved.lessons().get(0).markdown()).isEqualTo("Within one hour.");
		assertThat(saved.quiz().questions().get(0).prompt()).isEqualTo("Report within what?");
		assertThat(saved.quiz().questions().get(0).options()).containsExactly("1 hour", "1 week");
		assertThat(saved.quiz().questions().get(0).correct()).containsExactly(0);
		// without the CSRF token nothing is saved
		mvc.perform(post(element(lesson)).with(manager).param("type", "lesson").param("revision", "2")
				.param("title", "Spot it").param("markdown", "forged"))
			.andExpect(status().isForbidden());
	}

	@Test
	void structuralFormsAddMoveRemoveRestoreAndUndo() throws Exception {
		String base = "/courses/" + course.id().value() + "/outline";
		String first = course.lessons().get(0).id();
		mvc.perform(post(base + "/add").with(manager).with(csrf()).param("type", "LESSON").param("afterId", first))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/courses/" + course.id().value() + "/edit?element=*&focus=title"));
		mvc.perform(post(base + "/add").with(manager).with(csrf()).param("type", "MODULE"))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, course.id()).lessons().stream().map(Lesson::module))
			.containsExactly("Basics", "Basics", "Basics", "Module 2");
		int outlineRevision = Integer.parseInt(page("").select("main").attr("data-outline-revision"));
		mvc.perform(post(base + "/move").with(manager).with(csrf()).param("elementId", first).param("direction", "down")
				.param("outlineRevision", String.valueOf(outlineRevision)))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, course.id()).lessons().get(1).id()).isEqualTo(first);
		// down past the module's last lesson goes into the next module
		String report = course.lessons().get(1).id();
		mvc.perform(post(base + "/move").with(manager).with(csrf()).param("elementId", report).param("direction", "down")
				.param("outlineRevision", outlineRevision()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/move").with(manager).with(csrf()).param("elementId", report).param("direction", "down")
				.param("outlineRevision", outlineRevision()))
			.andExpect(status().is3xxRedirection());
		Lesson moved = authoring.editable(author, course.id()).lesson(report).orElseThrow();
		assertThat(moved.module()).isEqualTo("Module 2");
		mvc.perform(post(base + "/move").with(manager).with(csrf()).param("elementId", first).param("module", "Wrap-up")
				.param("outlineRevision", outlineRevision()))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, course.id()).lesson(first).orElseThrow().module()).isEqualTo("Wrap-up");
		// a page still on an older outline cannot move back a lesson someone moved since
		mvc.perform(post(base + "/move").with(manager).with(csrf()).param("elementId", first).param("module", "Basics")
				.param("outlineRevision", String.valueOf(outlineRevision)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", containsString("Someone else moved this element")));
		assertThat(authoring.editable(author, course.id()).lesson(first).orElseThrow().module()).isEqualTo("Wrap-up");

		mvc.perform(post(base + "/elements/" + first + "/remove").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, course.id()).lesson(first)).isEmpty();
		mvc.perform(post(base + "/elements/" + first + "/restore").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, course.id()).lesson(first)).isPresent();

		// a restored element comes back under a new revision: a page still open on the old one gets a conflict
		mvc.perform(post(element(first)).with(manager).with(csrf()).param("type", "lesson").param("revision", "1")
				.param("title", "Spot it").param("markdown", "Changed"))
			.andExpect(status().isConflict());
		mvc.perform(post(element(first)).with(manager).with(csrf()).param("type", "lesson").param("revision", "2")
				.param("title", "Spot it").param("markdown", "Changed"))
			.andExpect(status().isOk());
		mvc.perform(post(base + "/elements/" + first + "/undo").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, course.id()).lesson(first).orElseThrow().markdown())
			.isEqualTo("Report within **1 hour**.");
	}

	@Test
	void droppingTheLastLessonOnTheFirstInACourseWithoutModulesMakesItFirstAndCreatesNoModule() throws Exception {
		CourseContent sample = Fixtures.sampleCourse("No modules");
		Course flat = authoring.create(author, sample.with(List.of(new Lesson(null, "One", "1", List.of(), null),
				new Lesson(null, "Two", "2", List.of(), null), new Lesson(null, "Three", "3", List.of(), null)),
				sample.quiz()));
		String base = "/courses/" + flat.id().value();
		String three = flat.lessons().get(2).id();
		// what the drag and drop script sends: the dropped-on lesson's (empty) module and its place
		mvc.perform(post(base + "/outline/move").with(manager).with(csrf()).param("elementId", three).param("module", "")
				.param("position", "0").param("outlineRevision", revisionOf(base)))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.editable(author, flat.id()).lessons().stream().map(Lesson::title))
			.containsExactly("Three", "One", "Two");
		// an old script's "undefined" is no module either
		String two = flat.lessons().get(1).id();
		mvc.perform(post(base + "/outline/move").with(manager).with(csrf()).param("elementId", two)
				.param("module", "undefined").param("position", "0").param("outlineRevision", revisionOf(base)))
			.andExpect(status().is3xxRedirection());
		List<Lesson> lessons = authoring.editable(author, flat.id()).lessons();
		assertThat(lessons.stream().map(Lesson::title)).containsExactly("Two", "Three", "One");
		assertThat(lessons.stream().map(Lesson::module)).containsOnlyNulls();
		assertThat(Jsoup.parse(mvc.perform(get(base + "/edit").with(manager)).andReturn().getResponse()
			.getContentAsString()).select("#outline-tree").text()).doesNotContain("undefined");
	}

	private String revisionOf(String base) throws Exception {
		return Jsoup.parse(mvc.perform(get(base + "/edit").with(manager)).andReturn().getResponse().getContentAsString())
			.select("main").attr("data-outline-revision");
	}

	@Test
	void settingsAreSavedInTheirPanelAndBadValuesShowAtTheirField() throws Exception {
		String base = "/courses/" + course.id().value() + "/outline";
		int settingsRevision = Integer.parseInt(page("").select("input[name=settingsRevision]").val());
		mvc.perform(post(base + "/settings").with(manager).with(csrf()).param("settingsRevision", String.valueOf(settingsRevision))
				.param("title", "").param("passMark", "80").param("answersShown", "NEVER"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(base + "/settings").with(manager).with(csrf()).param("settingsRevision", String.valueOf(settingsRevision))
				.param("title", "Incident reports, new").param("description", "For everyone").param("objectives", "Report\nFollow up")
				.param("passMark", "70").param("answersShown", "NEVER").param("riskTier", "LOW"))
			.andExpect(status().is3xxRedirection());
		Course saved = authoring.editable(author, course.id());
		assertThat(saved.title()).isEqualTo("Incident reports, new");
		assertThat(saved.objectives()).containsExactly("Report", "Follow up");
		assertThat(saved.quiz().passMark()).isEqualTo(70);

		mvc.perform(post(base + "/publish").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/courses/*/assign"));
		assertThat(authoring.editable(author, course.id()).isPublished()).isTrue();
		// a published version is not edited here: the page sends the author to the course
		mvc.perform(get("/courses/" + course.id().value() + "/edit").with(manager))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/courses/" + course.id().value() + "/assign"));
	}

	@Test
	void theSettingsAutosaveGetsTheNewRevisionOrErrorsAtTheFieldOrBothValuesOnAConflict() throws Exception {
		String url = "/courses/" + course.id().value() + "/outline/settings";
		Document page = page("");
		int revision = Integer.parseInt(page.select("input[name=settingsRevision]").val());
		// every field has a place for its error, even before there is one
		assertThat(page.select("#settings-form [data-error-for]").eachAttr("data-error-for")).contains("title",
				"description", "objectives", "passMark", "attemptLimit", "tierReason");
		mvc.perform(post(url).with(manager).with(csrf()).header("Accept", "application/json")
				.param("settingsRevision", String.valueOf(revision)).param("title", "Incident reports, typed")
				.param("passMark", "80").param("answersShown", "NEVER"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.settingsRevision").value(revision + 1))
			.andExpect(jsonPath("$.savedAt").exists());
		assertThat(authoring.editable(author, course.id()).title()).isEqualTo("Incident reports, typed");
		// the header's Publish button follows the tier just saved: high goes to review, low with a reason at once
		mvc.perform(post(url).with(manager).with(csrf()).header("Accept", "application/json")
				.param("settingsRevision", String.valueOf(revision + 1)).param("title", "Incident reports, typed")
				.param("passMark", "80").param("answersShown", "NEVER").param("riskTier", "HIGH"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.publishLabel").value("Submit for review"));
		mvc.perform(post(url).with(manager).with(csrf()).header("Accept", "application/json")
				.param("settingsRevision", String.valueOf(revision + 2)).param("title", "Incident reports, typed")
				.param("passMark", "80").param("answersShown", "NEVER").param("riskTier", "LOW")
				.param("tierReason", "Our own team's how-to."))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.publishLabel").value("Publish"));
		revision += 2;
		mvc.perform(post(url).with(manager).with(csrf()).header("Accept", "application/json")
				.param("settingsRevision", String.valueOf(revision + 1)).param("title", "Still typed")
				.param("passMark", "150").param("answersShown", "NEVER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.passMark").value(containsString("whole percentage")));
		mvc.perform(post(url).with(manager).with(csrf()).header("Accept", "application/json")
				.param("settingsRevision", String.valueOf(revision + 1)).param("title", "x").param("passMark", "eighty")
				.param("answersShown", "NEVER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.passMark").value("Enter a whole number."));
		// a second tab still on the first revision: both values, nothing overwritten
		mvc.perform(post(url).with(manager).with(csrf()).header("Accept", "application/json")
				.param("settingsRevision", String.valueOf(revision)).param("title", "From the old tab")
				.param("passMark", "60").param("answersShown", "NEVER"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.theirs.title").value("Incident reports, typed"))
			.andExpect(jsonPath("$.yours.title").value("From the old tab"))
			.andExpect(jsonPath("$.theirRevision").value(revision + 1));
		assertThat(authoring.editable(author, course.id()).title()).isEqualTo("Incident reports, typed");
		assertThat(authoring.editable(author, course.id()).quiz().passMark()).isEqualTo(80);
	}

	private String outlineRevision() throws Exception {
		return page("").select("main").attr("data-outline-revision");
	}

	private String element(String id) {
		return "/courses/" + course.id().value() + "/outline/elements/" + id;
	}

	private Document page(String query) throws Exception {
		return Jsoup.parse(mvc.perform(get("/courses/" + course.id().value() + "/edit" + query).with(manager))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}
}
