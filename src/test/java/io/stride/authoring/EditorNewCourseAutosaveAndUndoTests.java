package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new course is a title that opens in the outline editor; the editor autosaves what is typed a moment ago, refuses a
 * stale page without losing either text, and undoes one change at a time. (Ported from the one-page builder's tests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class EditorNewCourseAutosaveAndUndoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing editing;

	Org org;

	RequestPostProcessor manager;

	Course draft;

	@BeforeEach
	void course() {
		org = fixtures.organization();
		manager = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("First title"));
	}

	@Test
	void aNewCourseIsATitleThatOpensInTheEditor() throws Exception {
		Document form = Jsoup.parse(mvc.perform(get("/courses/new").with(manager)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(form.select("form#new-course-form").attr("action")).isEqualTo("/courses");
		assertThat(form.select("label[for=title]").text()).isEqualTo("Course title");
		assertThat(form.select("#templateId option")).isNotEmpty();

		String location = mvc.perform(post("/courses").with(manager).with(csrf()).param("title", "Typed into a new course")
				.param("topic", "Safety"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/courses/*/edit"))
			.andExpect(flash().attribute("notice", containsString("Add its first lesson")))
			.andReturn().getResponse().getRedirectedUrl();
		CourseId id = new CourseId(location.replaceAll(".*/courses/([^/]+)/edit", "$1"));
		Course created = authoring.editable(fixtures.viewer(org.managerA()), id);
		assertThat(created.title()).isEqualTo("Typed into a new course");
		assertThat(created.status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(authoring.topicOf(id)).isEqualTo("Safety");
		Document editor = Jsoup.parse(mvc.perform(get(location).with(manager)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(editor.select("#element-heading").text()).isEqualTo("Nothing to edit yet");
		assertThat(editor.select("#add-lesson")).hasSize(1);
		assertThat(editor.select("#publish")).hasSize(1);
	}

	@Test
	void aNewCourseLeavesTheTierToStrideSoPublishingIsNotRefusedForATierNobodyChose() throws Exception {
		String location = mvc.perform(post("/courses").with(manager).with(csrf()).param("title", "Money back " + org.suffix()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		CourseId id = new CourseId(location.replaceAll(".*/courses/([^/]+)/edit", "$1"));
		Document empty = Jsoup.parse(mvc.perform(get(location).with(manager)).andReturn().getResponse().getContentAsString());
		assertThat(empty.select("#riskTier option[selected]").text()).isEqualTo("Let Stride choose (now: low)");
		// the author writes a lesson about customers, which Stride rates medium, and never opens the settings
		editing.add(fixtures.viewer(org.managerA()), id, "LESSON", null, null, null,
				new Lesson(null, "Tell them when", "Tell the customer the day their refund arrives."), null);
		Document editor = Jsoup.parse(mvc.perform(get(location).with(manager)).andReturn().getResponse().getContentAsString());
		assertThat(editor.select("#riskTier option[selected]").text()).isEqualTo("Let Stride choose (now: medium)");
		assertThat(editor.select("#publish").text()).isEqualTo("Submit for review");

		mvc.perform(post("/courses/" + id.value() + "/outline/publish").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", containsString("Sent for review (medium risk)")))
			.andExpect(flash().attribute("problem", nullValue()));
		Course sent = authoring.editableOrReviewable(fixtures.viewer(org.managerA()), id);
		assertThat(sent.status()).isEqualTo(CourseStatus.IN_REVIEW);
		assertThat(sent.riskTier()).isEqualTo(RiskTier.MEDIUM);
	}

	@Test
	void aTierTheAuthorChoseWithAReasonIsKeptAtPublication() throws Exception {
		Viewer maya = fixtures.viewer(org.managerA());
		CourseContent sample = Fixtures.sampleCourse("Refunds " + org.suffix());
		List<Lesson> lessons = new ArrayList<>(sample.lessons());
		lessons.add(new Lesson(null, "Tell them when", "Tell the customer the day their refund arrives."));
		Course course = authoring.create(maya, sample.with(lessons, sample.quiz())
			.withTier(RiskTier.LOW, "Our own wording of the published refund policy."));
		Document editor = Jsoup.parse(mvc.perform(get("/courses/" + course.id().value() + "/edit").with(manager))
			.andReturn().getResponse().getContentAsString());
		assertThat(editor.select("#riskTier option[selected]").val()).isEqualTo("LOW");
		assertThat(editor.select("#publish").text()).isEqualTo("Publish");
		mvc.perform(post("/courses/" + course.id().value() + "/outline/publish").with(manager).with(csrf()))
			.andExpect(flash().attribute("notice", containsString("Published.")));
		assertThat(authoring.published(course.id()).riskTier()).isEqualTo(RiskTier.LOW);
	}

	@Test
	void aNewCourseWithoutATitleIsRefusedAtTheFieldAndNothingIsCreated() throws Exception {
		int before = authoring.authoredBy(fixtures.viewer(org.managerA())).size();
		Document refused = Jsoup.parse(mvc.perform(post("/courses").with(manager).with(csrf()).param("title", " ")
				.param("topic", "Kept"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#title-error").text()).isEqualTo("Give the course a title.");
		assertThat(refused.select("#title").attr("aria-describedby")).isEqualTo("title-error");
		assertThat(refused.select("#topic").val()).as("what was typed stays").isEqualTo("Kept");
		Document tooLong = Jsoup.parse(mvc.perform(post("/courses").with(manager).with(csrf()).param("title", "Fine")
				.param("topic", "x".repeat(101)))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(tooLong.select("#topic-error").text()).contains("at most 100 characters");
		assertThat(tooLong.select("#title").val()).isEqualTo("Fine");
		mvc.perform(post("/courses").with(manager).with(csrf()).param("title", "Fine").param("templateId", "no-such-template"))
			.andExpect(status().isUnprocessableContent());
		assertThat(authoring.authoredBy(fixtures.viewer(org.managerA()))).hasSize(before);
		// without the CSRF token nothing is created
		mvc.perform(post("/courses").with(manager).param("title", "Forged")).andExpect(status().isForbidden());
		assertThat(authoring.authoredBy(fixtures.viewer(org.managerA()))).hasSize(before);
	}

	@Test
	void autosaveKeepsTypingAndAStalePageGetsBothTexts() throws Exception {
		String lesson = draft.lessons().get(0).id();
		mvc.perform(save(lesson, 1, "Typed a moment ago"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.savedAt").exists());
		assertThat(current().lessons().get(0).title()).isEqualTo("Typed a moment ago");
		mvc.perform(save(lesson, 1, "From an old tab"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.theirs.title").value("Typed a moment ago"))
			.andExpect(jsonPath("$.yours.title").value("From an old tab"));
		mvc.perform(save(lesson, 2, ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists());
		assertThat(current().lessons().get(0).title()).isEqualTo("Typed a moment ago");
	}

	@Test
	void undoGoesBackOneChangeAtATime() throws Exception {
		String lesson = draft.lessons().get(0).id();
		mvc.perform(save(lesson, 1, "Second title")).andExpect(status().isOk());
		mvc.perform(save(lesson, 2, "Third title")).andExpect(status().isOk());
		mvc.perform(undo(lesson)).andExpect(flash().attribute("notice", "Your last change to this element was undone."));
		assertThat(current().lessons().get(0).title()).isEqualTo("Second title");
		mvc.perform(undo(lesson));
		assertThat(current().lessons().get(0).title()).isEqualTo("Spot it");
		assertThat(current().lessons()).extracting(Lesson::title).containsExactly("Spot it", "Report it");
		mvc.perform(undo(lesson)).andExpect(flash().attribute("problem", containsString("no earlier version")));
		assertThat(current().lessons().get(0).title()).isEqualTo("Spot it");
	}

	@Test
	void othersCannotOpenOrAutosaveSomeoneElsesDraft() throws Exception {
		RequestPostProcessor other = SignedIn.as(fixtures.viewerPerson(org.managerB()));
		mvc.perform(get("/courses/" + draft.id() + "/edit").with(other)).andExpect(status().isNotFound());
		mvc.perform(post("/courses/" + draft.id() + "/outline/elements/" + draft.lessons().get(0).id()).with(other)
				.with(csrf()).param("type", "lesson").param("revision", "1").param("title", "Hijacked").param("markdown", "x"))
			.andExpect(status().isNotFound());
		assertThat(current().lessons().get(0).title()).isEqualTo("Spot it");
	}

	@Test
	void myCoursesLinksEachTitleToTheCourse() throws Exception {
		var me = fixtures.viewer(org.managerA());
		Course published = fixtures.publishedCourse(me, "Published one");
		var page = Jsoup.parse(mvc.perform(get("/courses").with(manager)).andReturn().getResponse().getContentAsString());
		assertThat(page.select("td a:containsOwn(First title)").attr("href")).isEqualTo("/courses/" + draft.id().value() + "/edit");
		assertThat(page.select("td a:containsOwn(Published one)").attr("href"))
			.isEqualTo("/courses/" + published.id().value() + "/assign");
		assertThat(page.select("#new-course").attr("href")).isEqualTo("/courses/new");
	}

	private MockHttpServletRequestBuilder save(String lesson, int revision, String title) {
		return post("/courses/" + draft.id() + "/outline/elements/" + lesson).with(manager).with(csrf())
			.param("type", "lesson")
			.param("revision", String.valueOf(revision))
			.param("title", title)
			.param("markdown", "Report within **1 hour**.");
	}

	private MockHttpServletRequestBuilder undo(String lesson) {
		return post("/courses/" + draft.id() + "/outline/elements/" + lesson + "/undo").with(manager).with(csrf());
	}

	private Course current() {
		return authoring.editable(fixtures.viewer(org.managerA()), draft.id());
	}
}
