package io.stride.authoring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.drafting.Citation;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import io.stride.drafting.DraftWarnings;
import io.stride.drafting.internal.Drafts;
import io.stride.support.BigHandbook;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Honest results: a draft says what it lacks, creating courses from it loses nothing, and every citation a client
 * gets can be checked against the source text the API gives with the draft.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DraftToCourseApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Drafts drafts;

	@Autowired
	io.stride.delivery.Delivery delivery;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void aDraftTooBigForOneCourseBecomesSeveralCoursesWithEveryLessonAndQuestionAndExactCitations() throws Exception {
		JsonNode draft = draft(new MockMultipartFile("files", "handbook.md", "text/markdown",
				BigHandbook.markdown(8, 8).getBytes(StandardCharsets.UTF_8)));
		int lessons = 0;
		int questions = draft.get("quiz").size();
		for (JsonNode module : draft.get("modules")) {
			lessons += module.get("lessons").size();
			questions += module.get("knowledgeCheck").size();
		}
		assertThat(lessons).isGreaterThan(50);
		assertThat(text(draft.get("warnings"))).anySatisfy(w -> assertThat(w).contains("becomes 2 courses, split by module"));

		JsonNode created = json(mvc.perform(post("/api/v1/drafts/" + draft.get("id").asString() + "/courses")
				.header("Authorization", bearer()))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(created.get("courses")).hasSize(2);
		assertThat(created.get("courses").get(0).get("title").asString()).endsWith("(part 1 of 2)");
		long leftOut = text(created.get("notes")).stream().filter(n -> n.contains("was left out")).count();

		Map<String, String> sources = sources(draft);
		List<JsonNode> courseLessons = new ArrayList<>();
		int questionsAfter = 0;
		for (JsonNode made : created.get("courses")) {
			JsonNode course = json(mvc.perform(get("/api/v1/courses/" + made.get("id").asString()).header("Authorization", bearer()))
				.andExpect(status().isOk())
				.andReturn());
			for (JsonNode lesson : course.get("lessons")) {
				courseLessons.add(lesson);
				assertThat(lesson.get("citations")).isNotEmpty();
				lesson.get("citations").forEach(c -> assertSpan(c, sources));
				lesson.get("knowledgeChecks").forEach(q -> assertSpan(q.get("citation"), sources));
				questionsAfter += lesson.get("knowledgeChecks").size();
			}
			course.get("quiz").get("questions").forEach(q -> assertSpan(q.get("citation"), sources));
			questionsAfter += course.get("quiz").get("questions").size();
		}
		// nothing is lost: every lesson, and every question but those the notes name
		assertThat(courseLessons).hasSize(lessons);
		assertThat(questionsAfter + leftOut).isEqualTo(questions);
		// each module's check follows the module's last lesson, even with the module in the second course
		for (JsonNode module : draft.get("modules")) {
			String title = module.get("title").asString();
			JsonNode last = courseLessons.stream().filter(l -> title.equals(l.get("module").asString())).reduce((a, b) -> b).orElseThrow();
			assertThat(text(last.get("knowledgeChecks"), "prompt")).containsExactlyElementsOf(text(module.get("knowledgeCheck"), "prompt"));
		}
	}

	@Test
	void theDraftPageSaysWhatBecameOfABigDraftWithALinkToEachCourse() throws Exception {
		JsonNode draft = draft(new MockMultipartFile("files", "handbook.md", "text/markdown",
				BigHandbook.markdown(8, 8).getBytes(StandardCharsets.UTF_8)));
		String location = "/drafts/" + draft.get("id").asString();
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(get(location).with(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("so it becomes 2 courses, split by module")));

		MvcResult result = mvc.perform(post(location + "/course").with(author).with(csrf()))
			.andExpect(redirectedUrl(location))
			.andReturn();
		String page = mvc.perform(get(location).with(author).cookie(result.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The draft became 2 courses, split by module.");
		// what happened is said once, under the courses, not again among the warnings
		assertThat(page.split("so it becomes 2 courses", -1)).hasSize(2);
		assertThat(Jsoup.parse(page).select("#creation-notes li").text()).contains("so it becomes 2 courses");
		var links = Jsoup.parse(page).select("#created-courses li a");
		assertThat(links.eachText()).containsExactly("The Acme Operations Handbook (part 1 of 2)",
				"The Acme Operations Handbook (part 2 of 2)");
		for (String href : links.eachAttr("href")) {
			mvc.perform(get(href).with(author)).andExpect(status().isOk());
		}
	}

	@Test
	void aCourseMadeFromADraftGivesEachLessonAndQuestionItsCitation() throws Exception {
		JsonNode draft = draft(new MockMultipartFile("files", "expense-policy.md", "text/markdown",
				Files.readAllBytes(Path.of("src/test/resources/corpus/expense-policy.md"))));
		Map<String, String> sources = sources(draft);
		assertThat(sources).containsOnlyKeys("expense-policy.md");
		// the draft's own citations can be checked against the text it comes with
		for (JsonNode module : draft.get("modules")) {
			module.get("lessons").forEach(l -> l.get("citations").forEach(c -> assertSpan(c, sources)));
			module.get("knowledgeCheck").forEach(q -> assertSpan(q.get("citation"), sources));
		}
		draft.get("quiz").forEach(q -> assertSpan(q.get("citation"), sources));
		// the kept draft opens again with its sources, for its author only
		String id = draft.get("id").asString();
		mvc.perform(get("/api/v1/drafts/" + id).header("Authorization", bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value(draft.get("title").asString()))
			.andExpect(jsonPath("$.sources[0].text").value(sources.get("expense-policy.md")));
		mvc.perform(get("/api/v1/drafts/" + id).header("Authorization", "Bearer " + fixtures.token(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/drafts/" + id + "/courses").header("Authorization", "Bearer " + fixtures.token(org.managerB())))
			.andExpect(status().isNotFound());

		JsonNode created = json(mvc.perform(post("/api/v1/drafts/" + id + "/courses").header("Authorization", bearer()))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(created.get("courses")).hasSize(1);
		assertThat(created.get("notes")).isEmpty();
		JsonNode course = json(mvc.perform(get("/api/v1/courses/" + created.get("courses").get(0).get("id").asString())
				.header("Authorization", bearer()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(course.get("lessons")).allSatisfy(lesson -> {
			assertThat(lesson.get("citations")).isNotEmpty();
			lesson.get("citations").forEach(c -> assertSpan(c, sources));
		});
		assertThat(course.get("quiz").get("questions")).isNotEmpty()
			.allSatisfy(q -> assertSpan(q.get("citation"), sources));
		assertThat(course.get("lessons").get(0).get("citations").get(0).get("locator").asString()).isNotBlank();
		// learners see the lessons' citations but not the questions': a question's cited sentence holds its answer
		var me = fixtures.viewer(org.managerA());
		var published = authoring.publish(me, new CourseId(course.get("id").asString()), course.get("revision").asInt());
		delivery.assign(me, published.id(), org.teamA(), java.time.LocalDate.now().plusDays(7));
		mvc.perform(get("/api/v1/courses/" + course.get("id").asString()).header("Authorization", "Bearer " + fixtures.token(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lessons[0].citations[0].text").isNotEmpty())
			.andExpect(jsonPath("$.quiz.questions[0].citation").doesNotExist());
		// and the API documents what it gives
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/drafts/{id}/courses", "/api/v1/drafts/{id}", "\"sources\"", "\"citations\"");
	}

	@Test
	void aDraftWithNoQuestionsSaysSoInTheApiAndOnItsPage() throws Exception {
		String notes = "Welcome aboard. We are glad you are here.";
		JsonNode draft = draft(new MockMultipartFile("text", "", "text/plain", notes.getBytes(StandardCharsets.UTF_8)));
		assertThat(draft.get("quiz")).isEmpty();
		assertThat(text(draft.get("warnings"))).contains(DraftWarnings.NO_QUESTIONS);
		mvc.perform(get("/drafts/" + draft.get("id").asString()).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No questions could be drafted from this source")));
	}

	@Test
	void aQuestionTheCourseCannotHoldIsNamedWhenTheCourseIsCreatedNotDroppedSilently() throws Exception {
		String source = "Report every incident within one hour. Call the security desk first.";
		Citation cited = new Citation("text", "paragraph 1", 0, 38, source.substring(0, 38));
		DraftQuestion fine = new DraftQuestion("q1", "TRUE_FALSE", "Report every incident within one hour.",
				List.of("True", "False"), List.of(0), "", cited);
		DraftQuestion oneOption = new DraftQuestion("q2", "SINGLE_CHOICE", "Whom do you call first?",
				List.of("The security desk"), List.of(0), "", cited);
		CourseDraft draft = new CourseDraft("d", "Incidents", "Everyone", List.of("Report an incident"), 5, "Incidents.",
				List.of(new DraftModule("Reporting", List.of(), List.of(new DraftLesson("Reporting", source, List.of(cited))),
						List.of(oneOption))),
				List.of(fine), List.of(), "offline", List.of());
		String id = io.stride.shared.Ids.newId();
		drafts.insert(id, org.managerA(), draft, List.of(new Drafts.SourceText("text", source)));
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));

		MvcResult result = mvc.perform(post("/drafts/" + id + "/course").with(author).with(csrf()))
			.andExpect(redirectedUrl("/drafts/" + id))
			.andReturn();
		String page = mvc.perform(get("/drafts/" + id).with(author).cookie(result.getResponse().getCookies()))
			.andReturn().getResponse().getContentAsString();
		var created = Jsoup.parse(page).select("#created-courses");
		assertThat(created.select("li a").eachText()).containsExactly("Incidents");
		assertThat(created.select("#creation-notes li").text())
			.contains("\"Whom do you call first?\" from the knowledge check of \"Reporting\" was left out: give between 2 and 10 options");
		String courseId = created.select("li a").attr("href").replaceAll(".*/courses/([^/]+)/edit", "$1");
		Course course = authoring.course(fixtures.viewer(org.managerA()), new CourseId(courseId));
		assertThat(course.quiz().questions()).extracting(Question::prompt).containsExactly("Report every incident within one hour.");

		mvc.perform(post("/api/v1/drafts/" + id + "/courses").header("Authorization", bearer()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.courses[0].questions").value(1))
			.andExpect(jsonPath("$.notes[0]", containsString("\"Whom do you call first?\"")));
	}

	@Test
	void aDocumentInALanguageStrideDoesNotDraftInIsNamedInTheWarning() {
		assertThat(DraftWarnings.language("manual.pdf", "ja")).contains("\"manual.pdf\" is in Japanese; Stride drafts "
				+ "questions in English, German, French, Spanish and Dutch.");
		assertThat(DraftWarnings.language("text", "pt-BR")).hasValueSatisfying(w -> assertThat(w).startsWith("The pasted text is in Portuguese;"));
		assertThat(DraftWarnings.language("handbuch.docx", "de")).isEmpty();
		assertThat(DraftWarnings.language("notes.md", "en-GB")).isEmpty();
		assertThat(DraftWarnings.language("notes.md", null)).isEmpty();
	}

	private JsonNode draft(MockMultipartFile file) throws Exception {
		return json(mvc.perform(multipart("/api/v1/drafts").file(file).header("Authorization", bearer()))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private static Map<String, String> sources(JsonNode draft) {
		Map<String, String> sources = new HashMap<>();
		draft.get("sources").forEach(s -> sources.put(s.get("name").asString(), s.get("text").asString()));
		return sources;
	}

	/** A citation a client can check: its span of the named source's text is exactly its text. */
	private static void assertSpan(JsonNode citation, Map<String, String> sources) {
		assertThat(citation).as("citation").isNotNull();
		assertThat(citation.isNull()).as("citation is null").isFalse();
		String text = sources.get(citation.get("source").asString());
		assertThat(text).as("source %s", citation.get("source")).isNotNull();
		assertThat(text.substring(citation.get("start").asInt(), citation.get("end").asInt()))
			.isEqualTo(citation.get("text").asString());
	}

	private static List<String> text(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(n.asString()));
		return texts;
	}

	private static List<String> text(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(n.get(field).asString()));
		return texts;
	}

	private static JsonNode json(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	private String bearer() {
		return "Bearer " + fixtures.token(org.managerA());
	}
}
