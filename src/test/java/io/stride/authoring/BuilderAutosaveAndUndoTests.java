package io.stride.authoring;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class BuilderAutosaveAndUndoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Course draft;

	@BeforeEach
	void course() {
		org = fixtures.organization();
		draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("First title"));
	}

	@Test
	void autosaveKeepsTypingAndRefusesAStaleRevision() throws Exception {
		mvc.perform(form("/courses/" + draft.id() + "/autosave", draft.revision(), "Typed a moment ago"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(draft.revision() + 1))
			.andExpect(jsonPath("$.savedAt").exists());
		assertThat(current().title()).isEqualTo("Typed a moment ago");
		mvc.perform(form("/courses/" + draft.id() + "/autosave", draft.revision(), "From an old tab"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("were not saved")));
		mvc.perform(form("/courses/" + draft.id() + "/autosave", draft.revision() + 1, ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists());
		assertThat(current().title()).isEqualTo("Typed a moment ago");
	}

	@Test
	void undoGoesBackOneChangeAtATime() throws Exception {
		mvc.perform(form("/courses/" + draft.id() + "/autosave", draft.revision(), "Second title")).andExpect(status().isOk());
		mvc.perform(form("/courses/" + draft.id() + "/autosave", draft.revision() + 1, "Third title")).andExpect(status().isOk());
		mvc.perform(form("/courses/" + draft.id(), current().revision(), "ignored").param("action", "undo"))
			.andExpect(flash().attribute("notice", "Your last change was undone."));
		assertThat(current().title()).isEqualTo("Second title");
		mvc.perform(form("/courses/" + draft.id(), current().revision(), "ignored").param("action", "undo"));
		assertThat(current().title()).isEqualTo("First title");
		assertThat(current().lessons()).extracting(Lesson::title).containsExactly("Spot it", "Report it");
		mvc.perform(form("/courses/" + draft.id(), current().revision(), "ignored").param("action", "undo"))
			.andExpect(flash().attribute("problem", containsString("no earlier version")));
	}

	@Test
	void modulesMoveAndGoAsAWhole() throws Exception {
		MockHttpServletRequestBuilder modules = post("/courses").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf())
			.param("title", "Modules").param("passMark", "80")
			.param("lessons[0].title", "A one").param("lessons[0].module", "Alpha")
			.param("lessons[1].title", "A two").param("lessons[1].module", "Alpha")
			.param("lessons[2].title", "B one").param("lessons[2].module", "Beta");
		String moved = mvc.perform(modules.param("action", "module-down:0")).andReturn().getResponse().getContentAsString();
		assertThat(moved.indexOf("value=\"B one\"")).isLessThan(moved.indexOf("value=\"A one\""));
		assertThat(moved.indexOf("value=\"A one\"")).isLessThan(moved.indexOf("value=\"A two\""));
		String removed = mvc.perform(post("/courses").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf())
				.param("title", "Modules").param("passMark", "80")
				.param("lessons[0].title", "A one").param("lessons[0].module", "Alpha")
				.param("lessons[1].title", "A two").param("lessons[1].module", "Alpha")
				.param("lessons[2].title", "B one").param("lessons[2].module", "Beta")
				.param("action", "remove-module:0"))
			.andReturn().getResponse().getContentAsString();
		assertThat(removed).doesNotContain("value=\"A one\"", "value=\"A two\"").contains("value=\"B one\"");
	}

	@Test
	void othersCannotAutosaveSomeoneElsesDraft() throws Exception {
		mvc.perform(post("/courses/" + draft.id() + "/autosave").with(SignedIn.as(fixtures.viewerPerson(org.managerB())))
				.with(csrf()).param("revision", "1").param("title", "Hijacked"))
			.andExpect(status().isNotFound());
		assertThat(current().title()).isEqualTo("First title");
	}

	@Test
	void aNewCourseIsSavedByItsFirstAutosave() throws Exception {
		String body = mvc.perform(form("/courses/autosave", 0, "Typed into a new course"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").exists())
			.andExpect(jsonPath("$.savedAt").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		Course created = authoring.course(fixtures.viewer(org.managerA()), new CourseId(id));
		assertThat(created.title()).isEqualTo("Typed into a new course");
		assertThat(body).contains("\"editUrl\":\"/courses/" + id + "/edit\"", "\"autosaveUrl\":\"/courses/" + id + "/autosave\"");
		mvc.perform(form("/courses/autosave", 0, "")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists());
	}

	@Test
	void aNewCoursesPageSavedTwiceMakesOneCourse() throws Exception {
		String pageId = io.stride.shared.Ids.newId();
		mvc.perform(form("/courses/autosave", 0, "Autosaved first").param("newId", pageId)).andExpect(status().isOk());
		// "Save" from the same page, which never heard the autosave's answer
		mvc.perform(form("/courses", 0, "Then saved").param("newId", pageId).param("action", "save"))
			.andExpect(status().is3xxRedirection());
		var me = fixtures.viewer(org.managerA());
		assertThat(authoring.authoredBy(me)).filteredOn(c -> c.title().equals("Autosaved first") || c.title().equals("Then saved"))
			.extracting(c -> c.id().value())
			.containsExactly(pageId);
		assertThat(authoring.course(me, new CourseId(pageId)).title()).isEqualTo("Then saved");
		// another author's page can't save over it
		mvc.perform(post("/courses/autosave").with(SignedIn.as(fixtures.viewerPerson(org.managerB()))).with(csrf())
				.param("revision", "0").param("title", "Hijacked").param("newId", pageId).param("lessons[0].title", "One")
				.param("passMark", "80"))
			.andExpect(status().isNotFound());
		assertThat(authoring.course(me, new CourseId(pageId)).title()).isEqualTo("Then saved");
	}

	@Test
	void myCoursesLinksEachTitleToTheCourse() throws Exception {
		var me = fixtures.viewer(org.managerA());
		Course published = fixtures.publishedCourse(me, "Published one");
		var page = Jsoup.parse(mvc.perform(get("/courses")
				.with(SignedIn.as(fixtures.viewerPerson(org.managerA())))).andReturn().getResponse().getContentAsString());
		assertThat(page.select("td a:containsOwn(First title)").attr("href")).isEqualTo("/courses/" + draft.id().value() + "/edit");
		assertThat(page.select("td a:containsOwn(Published one)").attr("href"))
			.isEqualTo("/courses/" + published.id().value() + "/assign");
	}

	private MockHttpServletRequestBuilder form(String url, int revision, String title) {
		return post(url).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf())
			.param("revision", String.valueOf(revision))
			.param("title", title)
			.param("lessons[0].title", "One")
			.param("lessons[0].markdown", "text")
			.param("passMark", "80");
	}

	private Course current() {
		return authoring.course(fixtures.viewer(org.managerA()), draft.id());
	}
}
