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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.stride.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outline editor in a browser without its script: the element's Save button posts a plain form that comes back
 * to the editor with "Saved", or with the typed text and the errors at the fields, or with both texts on a
 * conflict; and whole modules are moved, removed and restored by plain forms.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutlineEditorWithoutScriptTests {

	/** What a browser sends when a form is submitted. */
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

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
		course = authoring.create(author, sample.with(List.of(
				new Lesson(null, "Spot it", "Report within **1 hour**.", List.of(), "Basics"),
				new Lesson(null, "Report it", "Use the form.", List.of(), "Basics"),
				new Lesson(null, "Follow up", "Check the ticket.", List.of(), "After")), sample.quiz()));
	}

	@Test
	void aLessonSavedWithoutTheScriptComesBackToTheEditorWithSaved() throws Exception {
		String lesson = course.lessons().get(0).id();
		mvc.perform(formPost(element(lesson)).param("type", "lesson").param("revision", "1")
				.param("title", "Spot it early").param("markdown", "Within one hour."))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/courses/" + course.id().value() + "/edit?element=" + lesson))
			.andExpect(flash().attribute("notice", "Saved."));
		Lesson saved = current().lesson(lesson).orElseThrow();
		assertThat(saved.title()).isEqualTo("Spot it early");
		assertThat(saved.markdown()).isEqualTo("Within one hour.");
		// the script's autosave still gets JSON from the same address
		mvc.perform(post(element(lesson)).with(manager).with(csrf()).header("Accept", "application/json")
				.param("type", "lesson").param("revision", "2").param("title", "Spot it").param("markdown", "x"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(3));
	}

	@Test
	void badInputWithoutTheScriptIsShownAtTheFieldWithEverythingTypedKept() throws Exception {
		String lesson = course.lessons().get(0).id();
		Document page = html(mvc.perform(formPost(element(lesson)).param("type", "lesson").param("revision", "1")
				.param("title", "").param("markdown", "A long text I typed without the script."))
			.andExpect(status().isUnprocessableContent()));
		assertThat(page.select("#lesson-title-error").text()).isEqualTo("Give the lesson a title.");
		assertThat(page.select("#lesson-title").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#lesson-markdown").text()).isEqualTo("A long text I typed without the script.");
		assertThat(page.select(".problem").text()).contains("Give the lesson a title.");
		assertThat(current().lesson(lesson).orElseThrow().markdown()).isEqualTo("Report within **1 hour**.");

		// a quiz question likewise
		String question = course.quiz().questions().get(0).id();
		Document q = html(mvc.perform(formPost(element(question)).param("type", "question").param("revision", "1")
				.param("kind", "SINGLE_CHOICE").param("prompt", "")
				.param("options[0].text", "Within an hour").param("options[0].correct", "true")
				.param("options[1].text", "Within a day").param("explanation", "My typed explanation."))
			.andExpect(status().isUnprocessableContent()));
		assertThat(q.select("[data-error-for=prompt]").text()).isNotBlank();
		assertThat(q.select("#question-explanation").text()).isEqualTo("My typed explanation.");
		assertThat(q.select("#option-0").val()).isEqualTo("Within an hour");
		assertThat(q.select("#option-1").val()).isEqualTo("Within a day");
		assertThat(current().quiz().questions().get(0).prompt()).isEqualTo("Report within?");
		mvc.perform(formPost(element(question)).param("type", "question").param("revision", "1")
				.param("kind", "SINGLE_CHOICE").param("prompt", "How soon?")
				.param("options[0].text", "Within an hour").param("options[0].correct", "true")
				.param("options[1].text", "Within a day"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Saved."));
		assertThat(current().quiz().questions().get(0).prompt()).isEqualTo("How soon?");
	}

	@Test
	void aConflictWithoutTheScriptShowsBothTextsAndSavingAgainKeepsMine() throws Exception {
		String lesson = course.lessons().get(1).id();
		mvc.perform(formPost(element(lesson)).param("type", "lesson").param("revision", "1")
				.param("title", "Report it").param("markdown", "Their text."))
			.andExpect(status().is3xxRedirection());
		Document page = html(mvc.perform(formPost(element(lesson)).param("type", "lesson").param("revision", "1")
				.param("title", "Report it").param("markdown", "My text."))
			.andExpect(status().isConflict()));
		assertThat(page.select("#conflict").hasAttr("hidden")).isFalse();
		assertThat(page.select("#conflict-theirs").text()).contains("Their text.");
		assertThat(page.select("#conflict-yours").text()).contains("My text.");
		assertThat(page.select("#lesson-markdown").text()).isEqualTo("My text.");
		assertThat(current().lesson(lesson).orElseThrow().markdown()).isEqualTo("Their text.");
		// the form now carries their revision: saving it again keeps mine, knowingly
		String revision = page.select("#element-form input[name=revision]").val();
		assertThat(revision).isEqualTo("2");
		mvc.perform(formPost(element(lesson)).param("type", "lesson").param("revision", revision)
				.param("title", "Report it").param("markdown", "My text."))
			.andExpect(status().is3xxRedirection());
		assertThat(current().lesson(lesson).orElseThrow().markdown()).isEqualTo("My text.");
	}

	@Test
	void theFirstModuleAddedToACourseWithoutModulesIsModule1() throws Exception {
		Course plain = authoring.create(author, Fixtures.sampleCourse("No modules " + org.suffix()));
		mvc.perform(post("/courses/" + plain.id().value() + "/outline/add").param("type", "MODULE").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", startsWith("Added module “Module 1”")));
		assertThat(authoring.editable(author, plain.id()).lessons()).extracting(Lesson::module).contains("Module 1");
		// a course with two modules gets a third
		mvc.perform(post("/courses/" + course.id().value() + "/outline/add").param("type", "MODULE").with(manager).with(csrf()))
			.andExpect(flash().attribute("notice", startsWith("Added module “Module 3”")));
	}

	@Test
	void aWholeModuleIsMovedRemovedAndRestoredByPlainForms() throws Exception {
		Document page = page();
		assertThat(page.select("#module-up-1").attr("aria-label")).isEqualTo("Move module After up");
		mvc.perform(formPost("/courses/" + course.id().value() + "/outline/modules/move").param("name", "After")
				.param("direction", "up").param("outlineRevision", page.select("main").attr("data-outline-revision")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("announce", "Moved module \u201cAfter\u201d to place 1 of 2."));
		assertThat(current().lessons()).extracting(Lesson::title).containsExactly("Follow up", "Spot it", "Report it");
		// an old page's outline revision is refused, and nothing moves
		mvc.perform(formPost("/courses/" + course.id().value() + "/outline/modules/move").param("name", "After")
				.param("direction", "down").param("outlineRevision", page.select("main").attr("data-outline-revision")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", startsWith("Not moved: Someone else changed the outline")));
		assertThat(current().lessons()).extracting(Lesson::title).containsExactly("Follow up", "Spot it", "Report it");

		page = page();
		assertThat(page.select("#remove-module-1").attr("data-confirm")).contains("Basics", "2 lessons");
		var removed = mvc.perform(formPost("/courses/" + course.id().value() + "/outline/modules/remove")
				.param("name", "Basics").param("outlineRevision", page.select("main").attr("data-outline-revision")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Removed module \u201cBasics\u201d with its 2 lessons and their knowledge checks."))
			.andReturn();
		assertThat(current().lessons()).extracting(Lesson::title).containsExactly("Follow up");
		String removalId = (String) removed.getFlashMap().get("restorableModule");
		Document after = html(mvc.perform(get(removed.getResponse().getRedirectedUrl()).with(manager)
				.cookie(removed.getResponse().getCookies())).andExpect(status().isOk()));
		assertThat(after.select("form[action$=/outline/modules/restore] input[name=removalId]").val()).isEqualTo(removalId);
		mvc.perform(formPost("/courses/" + course.id().value() + "/outline/modules/restore").param("removalId", removalId))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Restored the module where it was, with its lessons and knowledge checks."));
		assertThat(current().lessons()).extracting(Lesson::title).containsExactly("Follow up", "Spot it", "Report it");
		assertThat(current().lessons()).extracting(Lesson::module).containsExactly("After", "Basics", "Basics");
	}

	private MockHttpServletRequestBuilder formPost(String url) {
		return post(url).with(manager).with(csrf()).header("Accept", BROWSER_ACCEPT);
	}

	private Course current() {
		return authoring.editable(author, course.id());
	}

	private String element(String id) {
		return "/courses/" + course.id().value() + "/outline/elements/" + id;
	}

	private Document page() throws Exception {
		return html(mvc.perform(get("/courses/" + course.id().value() + "/edit").with(manager)).andExpect(status().isOk()));
	}

	private static Document html(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}
}
