package io.stride.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Safeguards around element-by-element editing and reuse: the risk tier is checked again at publication, a partial
 * element save keeps what it leaves out, long quote-heavy lessons keep their revisions, removed reused elements keep
 * their origin for restore, undo never puts an old text into a linked part, and a kept update needs a draft.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReuseAndOutlineSafeguardsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	Org org;

	Viewer maya;

	Viewer ben;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		maya = fixtures.viewer(org.managerA());
		ben = fixtures.viewer(org.managerB());
	}

	// ---- finding 1: the risk tier at publication ----

	@Test
	void aLowRiskCourseThatGainsComplianceTextInTheOutlineIsNotPublishedWithoutAReason() throws Exception {
		Course course = authoring.create(ben, Fixtures.sampleCourse("Incident reports"));
		assertThat(course.riskTier()).isEqualTo(RiskTier.LOW);
		String lesson = course.lessons().get(1).id();
		mvc.perform(as(org.managerB(), put(base(course) + "/elements/" + lesson))
				.content("{\"revision\":1,\"title\":\"Report it\",\"markdown\":\"Follow our GDPR compliance rules.\"}"))
			.andExpect(status().isOk());

		mvc.perform(as(org.managerB(), post(base(course) + "/publish")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.tierReason").value(containsString("high tier")));
		assertThat(authoring.editable(ben, course.id()).status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(authoring.editable(ben, course.id()).lesson(lesson).orElseThrow().markdown())
			.isEqualTo("Follow our GDPR compliance rules.");

		// a reason given in the settings panel lets it through, at the tier the author chose
		int settings = jdbc.sql("SELECT settings_revision FROM courses WHERE id = ?").param(course.id().value())
			.query(Integer.class).single();
		mvc.perform(as(org.managerB(), put(base(course) + "/settings")).content(json.writeValueAsString(Map.of(
				"revision", settings, "title", "Incident reports", "description", "How we handle an incident report.",
				"riskTier", "LOW", "tierReason", "Only links to the policy; no new rules.", "passMark", 50))))
			.andExpect(status().isOk());
		mvc.perform(as(org.managerB(), post(base(course) + "/publish"))).andExpect(status().isOk());
		assertThat(authoring.published(course.id()).riskTier()).isEqualTo(RiskTier.LOW);
	}

	@Test
	void aLowRiskCourseThatReusesAPrivacyLessonIsNotPublishedWithoutAReason() throws Exception {
		Course source = source("Data handling", "Keep personal data out of tickets.");
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Incident reports"));
		reuse(org.managerB(), mine, source.lessons().getFirst().id(), "COPIED");

		mvc.perform(as(org.managerB(), post(base(mine) + "/publish")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.tierReason").value(containsString("personal data")));
		assertThat(authoring.editable(ben, mine.id()).status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(authoring.editable(ben, mine.id()).lessons()).hasSize(3);
	}

	@Test
	void aCourseAtItsSuggestedTierGoesToReviewAsBefore() throws Exception {
		Course course = authoring.create(ben, Fixtures.sampleCourse("Incident reports"));
		String lesson = course.lessons().get(1).id();
		mvc.perform(as(org.managerB(), put(base(course) + "/elements/" + lesson))
				.content("{\"revision\":1,\"title\":\"Report it\",\"markdown\":\"Tell the customer.\"}"))
			.andExpect(status().isOk());
		// medium suggested, low chosen without a reason: refused; the tier raised: into review
		mvc.perform(as(org.managerB(), post(base(course) + "/publish")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.tierReason").value(containsString("medium tier")));
		Course current = authoring.editable(ben, course.id());
		authoring.update(ben, course.id(), current.revision(), current.content().withTier(RiskTier.MEDIUM, null));
		mvc.perform(as(org.managerB(), post(base(course) + "/publish"))).andExpect(status().isAccepted());
	}

	// ---- a lesson added and never written ----

	@Test
	void aLessonAddedAndNeverWrittenStopsPublicationUntilItIsWrittenOrRemoved() throws Exception {
		Course course = authoring.create(ben, Fixtures.sampleCourse("Incident reports"));
		String added = json.readTree(mvc.perform(as(org.managerB(), post(base(course) + "/elements"))
				.content("{\"type\":\"LESSON\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString()).get("id").asString();

		mvc.perform(as(org.managerB(), post(base(course) + "/publish")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lessons").value(containsString("“New lesson” has no text yet")));
		// a second one of the same name: each is told by its place
		mvc.perform(as(org.managerB(), post(base(course) + "/elements")).content("{\"type\":\"LESSON\"}"))
			.andExpect(status().isCreated());
		mvc.perform(as(org.managerB(), post(base(course) + "/publish")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lessons").value(containsString("The lessons “New lesson” (lesson 3), "
					+ "“New lesson” (lesson 4) have no text yet")));
		mvc.perform(as(org.managerB(), delete(base(course) + "/elements/" + authoring.editable(ben, course.id()).lessons().get(3).id())))
			.andExpect(status().is2xxSuccessful());
		Course kept = authoring.editable(ben, course.id());
		assertThat(kept.status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(kept.lessons()).hasSize(3);

		mvc.perform(as(org.managerB(), delete(base(course) + "/elements/" + added))).andExpect(status().is2xxSuccessful());
		mvc.perform(as(org.managerB(), post(base(course) + "/publish"))).andExpect(status().is2xxSuccessful());
		assertThat(authoring.editable(ben, course.id()).status()).isNotEqualTo(CourseStatus.DRAFT);
	}

	// ---- finding 5: a partial element save ----

	@Test
	void aLessonSaveWithOnlyATitleKeepsItsText() throws Exception {
		Course course = authoring.create(ben, Fixtures.sampleCourse("Incident reports"));
		String lesson = course.lessons().getFirst().id();
		mvc.perform(as(org.managerB(), put(base(course) + "/elements/" + lesson))
				.content("{\"revision\":1,\"title\":\"Spot it early\"}"))
			.andExpect(status().isOk());
		Lesson saved = authoring.editable(ben, course.id()).lesson(lesson).orElseThrow();
		assertThat(saved.title()).isEqualTo("Spot it early");
		assertThat(saved.markdown()).isEqualTo("Report within **1 hour**.\n\n1. Stop\n2. Report");
		// and one with only the text keeps its title
		mvc.perform(as(org.managerB(), put(base(course) + "/elements/" + lesson))
				.content("{\"revision\":2,\"markdown\":\"Report at once.\"}"))
			.andExpect(status().isOk());
		saved = authoring.editable(ben, course.id()).lesson(lesson).orElseThrow();
		assertThat(saved.title()).isEqualTo("Spot it early");
		assertThat(saved.markdown()).isEqualTo("Report at once.");
	}

	// ---- finding 6: long, quote-heavy lessons ----

	@Test
	void aQuoteHeavyLessonNearTheLimitIsSavedAndItsRevisionKept() throws Exception {
		Course course = authoring.create(ben, Fixtures.sampleCourse("Incident reports"));
		String lesson = course.lessons().getFirst().id();
		String text = "\"\\".repeat(49_999) + ".";
		assertThat(text.length()).isLessThanOrEqualTo(100_000);
		mvc.perform(as(org.managerB(), put(base(course) + "/elements/" + lesson))
				.content(json.writeValueAsString(Map.of("revision", 1, "title", "Quotes", "markdown", text))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		assertThat(authoring.editable(ben, course.id()).lesson(lesson).orElseThrow().markdown()).isEqualTo(text);
		int longest = jdbc.sql("SELECT MAX(LENGTH(content)) FROM element_revisions WHERE course_id = ?")
			.param(course.id().value()).query(Integer.class).single();
		assertThat(longest).isGreaterThan(200_000);
		// and undo brings back the first text
		mvc.perform(as(org.managerB(), post(base(course) + "/elements/" + lesson + "/undo")).content("{\"revision\":2}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.markdown").value("Report within **1 hour**.\n\n1. Stop\n2. Report"));
	}

	// ---- finding 7: removing a reused element ----

	@Test
	void removingAReusedLessonForgetsItsOriginAndRestoringPutsItBack() throws Exception {
		Course source = source("Running an EBR", "Gather usage data first.");
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding"));
		String copy = reuse(org.managerB(), mine, source.lessons().getFirst().id(), "LINKED").getFirst();
		String check = authoring.editable(ben, mine.id()).lesson(copy).orElseThrow().knowledgeChecks().getFirst().id();
		assertThat(authoring.origins(mine.id())).containsKeys(copy, check);

		mvc.perform(as(org.managerB(), delete(base(mine) + "/elements/" + copy))).andExpect(status().isOk());
		assertThat(authoring.origins(mine.id())).doesNotContainKeys(copy, check);
		mvc.perform(as(org.managerB(), get(base(mine) + "/element-origins")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));

		mvc.perform(as(org.managerB(), post(base(mine) + "/elements/" + copy + "/restore"))).andExpect(status().isOk());
		Map<String, ElementOrigin> back = authoring.origins(mine.id());
		assertThat(back).containsKeys(copy, check);
		assertThat(back.get(copy).mode()).isEqualTo(ElementOrigin.Mode.LINKED);
		assertThat(back.get(copy).sourceCourseId()).isEqualTo(source.id());
		// still linked: not edited until detached
		mvc.perform(as(org.managerB(), put(base(mine) + "/elements/" + copy))
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.origin").exists());
	}

	@Test
	void removingAReusedQuestionForgetsItsOriginAndRestoringPutsItBack() throws Exception {
		Course source = source("Running an EBR", "Gather usage data first.");
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding"));
		String question = reuse(org.managerB(), mine, source.quiz().questions().getFirst().id(), "COPIED").getFirst();
		assertThat(authoring.origins(mine.id())).containsKey(question);

		mvc.perform(as(org.managerB(), delete(base(mine) + "/elements/" + question))).andExpect(status().isOk());
		assertThat(authoring.origins(mine.id())).doesNotContainKey(question);
		mvc.perform(as(org.managerB(), post(base(mine) + "/elements/" + question + "/restore"))).andExpect(status().isOk());
		assertThat(authoring.origins(mine.id()).get(question).mode()).isEqualTo(ElementOrigin.Mode.COPIED);
	}

	// ---- finding 4: whole-course undo and linked parts ----

	@Test
	void undoAfterTakingAnUpdateIsRefusedAndKeepsTheNewText() throws Exception {
		Course source = source("Running an EBR", "Gather usage data first.");
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding"));
		String copy = reuse(org.managerB(), mine, source.lessons().getFirst().id(), "LINKED").getFirst();
		publishChange(source, "Gather usage data and the renewal date first.");
		mvc.perform(as(org.managerB(), post(base(mine) + "/component-updates/" + copy + "/accept")))
			.andExpect(status().isOk());

		Course taken = authoring.editable(ben, mine.id());
		assertThatThrownBy(() -> authoring.undo(ben, mine.id(), taken.revision()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors().get("undo")).contains("linked"));
		Course after = authoring.editable(ben, mine.id());
		assertThat(after.revision()).isEqualTo(taken.revision());
		assertThat(after.lesson(copy).orElseThrow().markdown()).isEqualTo("Gather usage data and the renewal date first.");
		assertThat(authoring.origins(mine.id()).get(copy).sourceVersion()).isEqualTo(2);
	}

	@Test
	void undoOfAnOwnChangeBesideALinkedPartStillWorks() throws Exception {
		Course source = source("Running an EBR", "Gather usage data first.");
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding"));
		String copy = reuse(org.managerB(), mine, source.lessons().getFirst().id(), "LINKED").getFirst();
		Course current = authoring.editable(ben, mine.id());
		List<Lesson> lessons = new ArrayList<>(current.lessons());
		Lesson first = lessons.getFirst();
		lessons.set(0, new Lesson(first.id(), first.title(), "Changed by me.", first.sources(), first.module(),
				first.knowledgeChecks()));
		current = authoring.update(ben, mine.id(), current.revision(), current.content().with(lessons, current.quiz()));
		Course undone = authoring.undo(ben, mine.id(), current.revision());
		assertThat(undone.lessons().getFirst().markdown()).isEqualTo(first.markdown());
		assertThat(undone.lesson(copy)).isPresent();
	}

	// ---- finding 8: keep needs a draft ----

	@Test
	void anUpdateIsKeptOutOnlyInADraft() throws Exception {
		Course source = source("Running an EBR", "Gather usage data first.");
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding"));
		String copy = reuse(org.managerB(), mine, source.lessons().getFirst().id(), "LINKED").getFirst();
		authoring.publish(ben, mine.id(), authoring.editable(ben, mine.id()).revision());
		publishChange(source, "Version two text.");
		String updates = base(mine) + "/component-updates";

		mvc.perform(as(org.managerB(), post(updates + "/" + copy + "/keep")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value(containsString("Start a new version")));
		assertThat(authoring.origins(mine.id()).get(copy).keptVersion()).isNull();
		mvc.perform(as(org.managerB(), get(updates))).andExpect(jsonPath("$.length()").value(1));

		authoring.startVersion(ben, mine.id(), authoring.editable(ben, mine.id()).revision());
		mvc.perform(as(org.managerB(), post(updates + "/" + copy + "/keep")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keptVersion").value(2));
	}

	// ---- helpers ----

	/** Maya's published course: one cited lesson with a knowledge check in a module, and a quiz question. */
	private Course source(String title, String text) {
		Question check = new Question(null, QuestionKind.TRUE_FALSE, "Bring data?", List.of("True", "False"),
				List.of(0), "Always.");
		CourseContent content = new CourseContent(title + " " + org.suffix(), "How we run it.",
				List.of(new Lesson(null, "Prepare", text,
						List.of(new SourceNote("guide.pdf", "page 2", 0, 10, "Gather it.")), "Running it",
						List.of(check)), new Lesson(null, "Present", "Lead with outcomes.")),
				new Quiz(50, List.of(new Question(null, QuestionKind.SINGLE_CHOICE, "When do notes go out?",
						List.of("Within a day", "Within a month"), List.of(0), "Within a day."))));
		Course draft = authoring.create(maya, content);
		return authoring.publish(maya, draft.id(), draft.revision());
	}

	private Course publishChange(Course source, String firstLessonText) {
		Course next = authoring.startVersion(maya, source.id(), authoring.editable(maya, source.id()).revision());
		Lesson first = next.lessons().getFirst();
		List<Lesson> lessons = new ArrayList<>(next.lessons());
		lessons.set(0, new Lesson(first.id(), first.title(), firstLessonText, first.sources(), first.module(),
				first.knowledgeChecks()));
		next = authoring.update(maya, source.id(), next.revision(), next.content().with(lessons, next.quiz()));
		return authoring.publish(maya, source.id(), next.revision());
	}

	private List<String> reuse(PersonId who, Course course, String componentId, String mode) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("componentId", componentId);
		body.put("mode", mode);
		String answer = mvc.perform(as(who, post(base(course) + "/components")).content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		List<String> ids = new ArrayList<>();
		json.readTree(answer).get("elementIds").forEach(n -> ids.add(n.asString()));
		return ids;
	}

	private static String base(Course course) {
		return "/api/v1/courses/" + course.id().value();
	}

	private MockHttpServletRequestBuilder as(PersonId who, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + fixtures.token(who)).contentType(MediaType.APPLICATION_JSON);
	}
}
