package io.stride.library;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.SourceNote;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The component API: search and read, the filters (capability, author, team, reaction score), reuse linked or copied
 * (and its refusals), the linked element that may not be edited, detach, and updates taken or kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComponentApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	JsonMapper json;

	@Autowired
	io.stride.notification.Notifications notifications;

	@Autowired
	io.stride.support.CapabilityRows capabilities;

	@Autowired
	io.stride.delivery.Delivery delivery;

	@Autowired
	io.stride.feedback.Feedback feedback;

	Org org;

	String word;

	Viewer maya;

	Viewer ben;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		word = "kw" + org.suffix().replace("-", "x");
		maya = fixtures.viewer(org.managerA());
		ben = fixtures.viewer(org.managerB());
	}

	/** A course with a module of two lessons (the first cited, with a knowledge check) and a quiz question. */
	private Course source(Viewer author, String title) {
		Question check = new Question(null, QuestionKind.TRUE_FALSE, "An EBR needs data " + word + "?",
				List.of("True", "False"), List.of(0), "Always bring data.");
		CourseContent content = new CourseContent(title, "Quarterly business reviews.",
				List.of(new Lesson(null, "Prepare the review " + word, "Gather **usage data** first.",
						List.of(new SourceNote("ebr.pdf", "page 2", 0, 20, "Gather usage data first.")), "Running it",
						List.of(check)),
						new Lesson(null, "Present the review", "Lead with outcomes.", List.of(), "Running it"),
						new Lesson(null, "Follow up", "Send notes within a day.")),
				new Quiz(50, List.of(new Question(null, QuestionKind.SINGLE_CHOICE, "When do notes go out " + word + "?",
						List.of("Within a day", "Within a month"), List.of(0), "Within a day."))));
		Course draft = authoring.create(author, content);
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private Course draft(Viewer author, String title) {
		return authoring.create(author, Fixtures.sampleCourse(title));
	}

	@Test
	void publishingACourseAddsItsLessonsModuleAndQuestionsToTheLibrary() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);

		mvc.perform(as(org.managerA(), get("/api/v1/components").param("q", word).param("sort", "title")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.items[?(@.kind == 'LESSON')].title").value(hasItem((Object) ("Prepare the review " + word))))
			.andExpect(jsonPath("$.items[?(@.kind == 'KNOWLEDGE_CHECK')]", hasSize(1)))
			.andExpect(jsonPath("$.items[?(@.kind == 'QUESTION')]", hasSize(1)))
			.andExpect(jsonPath("$.items[?(@.kind == 'MODULE')]", hasSize(1)));
		String lessonId = ebr.lessons().getFirst().id();
		mvc.perform(as(org.learnerB(), get("/api/v1/components/" + lessonId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("LESSON"))
			.andExpect(jsonPath("$.sourceCourseId").value(ebr.id().value()))
			.andExpect(jsonPath("$.sourceCourseTitle").value("Running an EBR " + word))
			.andExpect(jsonPath("$.sourceVersion").value(1))
			.andExpect(jsonPath("$.authorName").value("Manager A"))
			.andExpect(jsonPath("$.reuseCount").value(0))
			.andExpect(jsonPath("$.provenance").value("from Running an EBR " + word + " v1 by Manager A"));
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("q", word).param("kind", "MODULE")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].title").value("Running it"))
			.andExpect(jsonPath("$.items[0].excerpt").value(containsString("2 lessons")));
	}

	@Test
	void learnersFindLessonsAndModulesButNotTheQuizPool() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		String quizQuestion = ebr.quiz().questions().getFirst().id();
		String check = ebr.lessons().getFirst().knowledgeChecks().getFirst().id();

		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("q", word)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.items[?(@.kind == 'LESSON')]", hasSize(3)))
			.andExpect(jsonPath("$.items[?(@.kind == 'MODULE')]", hasSize(1)))
			.andExpect(jsonPath("$.items[?(@.kind == 'QUESTION')]", hasSize(0)))
			.andExpect(jsonPath("$.items[?(@.kind == 'KNOWLEDGE_CHECK')]", hasSize(0)));
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("q", word).param("kind", "QUESTION")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("q", word).param("kind", "KNOWLEDGE_CHECK")))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(as(org.learnerB(), get("/api/v1/components/" + quizQuestion))).andExpect(status().isNotFound());
		mvc.perform(as(org.learnerB(), get("/api/v1/components/" + check))).andExpect(status().isNotFound());

		// a reviewer (L&D among them) and an admin see the questions; so does an author once they author a course
		PersonId reviewer = fixtures.person(fixtures.admin(), "Rae Reviewer", "rae", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), io.stride.identity.Role.REVIEWER);
		mvc.perform(as(reviewer, get("/api/v1/components").param("q", word))).andExpect(jsonPath("$.total").value(6));
		mvc.perform(as(reviewer, get("/api/v1/components/" + quizQuestion)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("QUESTION"));
		mvc.perform(as(fixtures.admin().id(), get("/api/v1/components/" + check)))
			.andExpect(status().isOk());
		mvc.perform(as(org.managerB(), get("/api/v1/components/" + quizQuestion))).andExpect(status().isNotFound());
		Course draft = draft(ben, "Onboarding " + word);
		mvc.perform(as(org.managerB(), get("/api/v1/components").param("q", word).param("kind", "QUESTION")))
			.andExpect(jsonPath("$.total").value(1));
		assertThat(reuse(org.managerB(), draft.id(), quizQuestion, "COPIED", null)).hasSize(1);
	}

	@Test
	void aNewVersionReplacesItsComponentsAndRetiringRemovesThem() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course next = authoring.startVersion(maya, ebr.id(), ebr.revision());
		CourseContent changed = next.content().with(List.of(next.lessons().get(0), next.lessons().get(1)), next.quiz());
		next = authoring.update(maya, ebr.id(), next.revision(), changed);
		authoring.publish(maya, ebr.id(), next.revision());

		mvc.perform(as(org.learnerB(), get("/api/v1/components/" + ebr.lessons().get(2).id())))
			.andExpect(status().isNotFound());
		mvc.perform(as(org.learnerB(), get("/api/v1/components/" + ebr.lessons().get(0).id())))
			.andExpect(jsonPath("$.sourceVersion").value(2));

		authoring.retire(maya, ebr.id());
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("q", word)))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void eachFilterKeepsExactlyTheComponentsItNames() throws Exception {
		// three one-lesson courses: Maya's (team A) counts for a capability and is liked, Ben's (team B) is mixed, and one
		// by someone in team A's sub-team has no reactions yet
		PersonId sam = fixtures.person(fixtures.admin(), "Sam Sub", "sam", org.suffix(), java.util.Set.of(org.subTeamA()),
				java.util.Set.of());
		Course mayas = oneLesson(maya, "Renewal calls");
		Course bens = oneLesson(ben, "Pricing talks");
		Course sams = oneLesson(fixtures.viewer(sam), "Handover notes");
		String renewals = "Renewal calls " + word;
		String pricing = "Pricing talks " + word;
		String handover = "Handover notes " + word;
		var capability = capabilities.capability("Renewals " + word, "Customer", org.managerA());
		capabilities.courseRule(capability, 1, mayas.id().value());
		List<PersonId> reactors = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			reactors.add(fixtures.person(fixtures.admin(), "Reader " + i, "reader" + i, org.suffix(),
					java.util.Set.of(org.teamB()), java.util.Set.of()));
		}
		for (int i = 0; i < reactors.size(); i++) {
			Viewer reader = fixtures.viewer(reactors.get(i));
			react(reader, mayas, "HELPFUL");
			// three helpful, two unclear: (3 − 2) / 5 = 20
			react(reader, bens, i < 3 ? "HELPFUL" : "UNCLEAR");
		}

		assertThat(titles(get("/api/v1/components").param("q", word))).containsExactlyInAnyOrder(renewals, pricing, handover);
		assertThat(titles(get("/api/v1/components").param("q", word).param("capabilityId", capability.value())))
			.containsExactly(renewals);
		assertThat(titles(get("/api/v1/components").param("q", word).param("authorId", org.managerB().value())))
			.containsExactly(pricing);
		assertThat(titles(get("/api/v1/components").param("q", word).param("authorId", sam.value())))
			.containsExactly(handover);
		// a team takes in its sub-teams' authors
		assertThat(titles(get("/api/v1/components").param("q", word).param("teamId", org.teamA().value())))
			.containsExactlyInAnyOrder(renewals, handover);
		assertThat(titles(get("/api/v1/components").param("q", word).param("teamId", org.subTeamA().value())))
			.containsExactly(handover);
		assertThat(titles(get("/api/v1/components").param("q", word).param("teamId", org.teamB().value())))
			.containsExactly(pricing);
		assertThat(titles(get("/api/v1/components").param("q", word).param("teamId", org.teamA().value())
			.param("authorId", org.managerB().value()))).isEmpty();
		// the score is kept from its minimum on; a component without a score is left out
		assertThat(titles(get("/api/v1/components").param("q", word).param("minReactionScore", "21")))
			.containsExactly(renewals);
		assertThat(titles(get("/api/v1/components").param("q", word).param("minReactionScore", "20")))
			.containsExactlyInAnyOrder(renewals, pricing);
		assertThat(titles(get("/api/v1/components").param("q", word).param("minReactionScore", "-100")))
			.containsExactlyInAnyOrder(renewals, pricing);
		assertThat(titles(get("/api/v1/components").param("q", word).param("minReactionScore", "100")))
			.containsExactly(renewals);
		// filters together keep what each keeps
		assertThat(titles(get("/api/v1/components").param("q", word).param("teamId", org.teamA().value())
			.param("minReactionScore", "0"))).containsExactly(renewals);
		assertThat(titles(get("/api/v1/components").param("q", word).param("capabilityId", capability.value())
			.param("authorId", org.managerB().value()))).isEmpty();
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("q", word).param("minReactionScore", "20")))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[?(@.title == '" + pricing + "')].reactionScore").value(hasItem(20)));
	}

	/** A published course of one lesson titled "{@code title} {@code word}" and no quiz: one component. */
	private Course oneLesson(Viewer author, String title) {
		Course draft = authoring.create(author, new CourseContent(title + " course " + org.suffix(), "d",
				List.of(new Lesson(null, title + " " + word, "Text of " + title + ".")), new Quiz(80, List.of())));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private void react(Viewer reader, Course course, String kind) {
		delivery.open(reader, course.id());
		feedback.react(reader, course.id(), course.lessons().getFirst().id(), kind, null);
	}

	/** The titles a search finds, as Learner B reads them. */
	private List<String> titles(MockHttpServletRequestBuilder search) throws Exception {
		JsonNode body = json.readTree(mvc.perform(as(org.learnerB(), search.param("size", "100")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		List<String> titles = new java.util.ArrayList<>();
		body.get("items").forEach(item -> titles.add(item.get("title").asString()));
		assertThat(body.get("total").asInt()).isEqualTo(titles.size());
		return titles;
	}

	@Test
	void badSearchParametersAreRefusedAtTheField() throws Exception {
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("page", "0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.page").exists());
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("kind", "video")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").exists());
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("minReactionScore", "101")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.minReactionScore").exists());
		mvc.perform(as(org.learnerB(), get("/api/v1/components").param("size", "500")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.size").exists());
	}

	@Test
	void withoutSigningInTheLibraryIsRefused() throws Exception {
		assertThat(mvc.perform(get("/api/v1/components")).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(post("/api/v1/courses/x/components").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void aLinkedLessonComesWithItsCitationsAndKnowledgeCheckAndRemembersWhereItCameFrom() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		String lessonId = ebr.lessons().getFirst().id();

		List<String> ids = reuse(org.managerB(), mine.id(), lessonId, "LINKED", 2);

		assertThat(ids).hasSize(2);
		Course after = authoring.editable(ben, mine.id());
		assertThat(after.lessons()).hasSize(3);
		Lesson copy = after.lessons().get(1);
		assertThat(copy.id()).isEqualTo(ids.get(0)).isNotEqualTo(lessonId);
		assertThat(copy.markdown()).isEqualTo("Gather **usage data** first.");
		assertThat(copy.sources()).extracting(SourceNote::source).containsExactly("ebr.pdf");
		assertThat(copy.knowledgeChecks()).extracting(Question::id).containsExactly(ids.get(1));
		var origins = authoring.origins(mine.id());
		assertThat(origins.get(ids.get(0)).mode()).isEqualTo(ElementOrigin.Mode.LINKED);
		assertThat(origins.get(ids.get(0)).sourceElementId()).isEqualTo(lessonId);
		assertThat(origins.get(ids.get(0)).sourceVersion()).isEqualTo(1);
		assertThat(origins.get(ids.get(1)).elementKind()).isEqualTo(ElementOrigin.Kind.KNOWLEDGE_CHECK);
		mvc.perform(as(org.learnerB(), get("/api/v1/components/" + lessonId))).andExpect(jsonPath("$.reuseCount").value(1));
		mvc.perform(as(org.managerB(), get("/api/v1/courses/" + mine.id().value() + "/element-origins")))
			.andExpect(jsonPath("$[0].provenance").value("from Running an EBR " + word + " v1 by Manager A"));
	}

	@Test
	void aPublishedLinkedLessonStaysItsSourcesComponentWhileACopyIsANewOneOfTheCourse() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		List<String> linked = reuse(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "LINKED", 2);
		String copied = reuse(org.managerB(), mine.id(), ebr.quiz().questions().getFirst().id(), "COPIED", 1).getFirst();
		Course ready = authoring.editable(ben, mine.id());
		authoring.publish(ben, mine.id(), ready.revision());

		// the lesson and its knowledge check are listed once, with Manager A's course, never credited to Ben
		for (String id : linked) {
			mvc.perform(as(org.managerA(), get("/api/v1/components/" + id))).andExpect(status().isNotFound());
		}
		mvc.perform(as(org.managerA(), get("/api/v1/components").param("q", "prepare the review " + word)
				.param("kind", "LESSON")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].sourceCourseId").value(ebr.id().value()))
			.andExpect(jsonPath("$.items[0].reuseCount").value(1));
		// the copy is Ben's own question now: a component of his course
		mvc.perform(as(org.managerA(), get("/api/v1/components/" + copied)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sourceCourseId").value(mine.id().value()));
	}

	@Test
	void aModuleBringsItsLessonsUnderItsNameAndAQuestionGoesIntoTheQuiz() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		String moduleId = ComponentIndex.moduleId(ebr.id(), "Running it");

		List<String> ids = reuse(org.managerB(), mine.id(), moduleId, "COPIED", null);
		reuse(org.managerB(), mine.id(), ebr.quiz().questions().getFirst().id(), "COPIED", 1);

		Course after = authoring.editable(ben, mine.id());
		assertThat(after.lessons()).extracting(Lesson::module).containsExactly(null, null, "Running it", "Running it");
		assertThat(ids).hasSize(3);
		assertThat(after.quiz().questions().getFirst().prompt()).isEqualTo("When do notes go out " + word + "?");
		assertThat(authoring.origins(mine.id()).values()).extracting(ElementOrigin::mode).containsOnly(ElementOrigin.Mode.COPIED);
	}

	@Test
	void aComponentTheAuthorMayNotReadIsRefusedAtComponentId() throws Exception {
		Course mine = draft(ben, "Onboarding " + word);
		Course othersDraft = draft(maya, "Secret draft " + word);

		mvc.perform(reuseRequest(org.managerB(), mine.id(), othersDraft.lessons().getFirst().id(), "LINKED", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.componentId").exists());
		mvc.perform(reuseRequest(org.managerB(), mine.id(), "no-such-component", "LINKED", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.componentId").exists());
		Course ebr = source(maya, "Running an EBR " + word);
		mvc.perform(reuseRequest(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "FORKED", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.mode").exists());
		mvc.perform(reuseRequest(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "LINKED", 9))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.position").exists());
		assertThat(authoring.editable(ben, mine.id()).lessons()).hasSize(2);
	}

	@Test
	void onlyTheAuthorsOwnDraftTakesComponents() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		String lessonId = ebr.lessons().getFirst().id();
		Course mayasDraft = draft(maya, "Maya's draft " + word);
		Course bensPublished = fixtures.publishedCourse(ben, "Ben's course " + word);

		// another author's draft does not exist for them; another author's published course is not theirs to change
		mvc.perform(reuseRequest(org.managerB(), mayasDraft.id(), lessonId, "LINKED", null)).andExpect(status().isNotFound());
		mvc.perform(reuseRequest(org.learnerA(), bensPublished.id(), lessonId, "LINKED", null)).andExpect(status().isForbidden());
		mvc.perform(reuseRequest(org.managerB(), bensPublished.id(), lessonId, "LINKED", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value(containsString("Start a new version")));
		assertThat(authoring.origins(bensPublished.id())).isEmpty();
	}

	@Test
	void aLinkedLessonIsNotEditedUntilDetached() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		String copyId = reuse(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "LINKED", null).getFirst();

		Course current = authoring.editable(ben, mine.id());
		String edited = courseJson(current, "Gather my own data.");
		mvc.perform(as(org.managerB(), put("/api/v1/courses/" + mine.id().value()).contentType(MediaType.APPLICATION_JSON)
			.content(edited)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['lessons[2].markdown']").value(containsString("Detach to edit your own copy")));
		assertThat(authoring.editable(ben, mine.id()).lessons().get(2).markdown()).isEqualTo("Gather **usage data** first.");

		mvc.perform(as(org.managerB(), post("/api/v1/courses/" + mine.id().value() + "/elements/" + copyId + "/detach")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mode").value("COPIED"));
		mvc.perform(as(org.managerB(), post("/api/v1/courses/" + mine.id().value() + "/elements/" + copyId + "/detach")))
			.andExpect(status().isConflict());
		mvc.perform(as(org.managerB(), put("/api/v1/courses/" + mine.id().value()).contentType(MediaType.APPLICATION_JSON)
			.content(courseJson(authoring.editable(ben, mine.id()), "Gather my own data."))))
			.andExpect(status().isOk());
		assertThat(authoring.editable(ben, mine.id()).lessons().get(2).markdown()).isEqualTo("Gather my own data.");
		mvc.perform(as(org.managerA(), post("/api/v1/courses/" + mine.id().value() + "/elements/" + copyId + "/detach")))
			.andExpect(status().isNotFound());
	}

	@Test
	void whenTheSourcePublishesAChangeTheAuthorSeesTheDiffAndTakesIt() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		String copyId = reuse(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "LINKED", null).getFirst();
		String updates = "/api/v1/courses/" + mine.id().value() + "/component-updates";
		mvc.perform(as(org.managerB(), get(updates))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/accept"))).andExpect(status().isConflict());

		publishChange(ebr, "Gather **usage data** and the renewal date first.");

		mvc.perform(as(org.managerB(), get(updates)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].elementId").value(copyId))
			.andExpect(jsonPath("$[0].sourceCourseId").value(ebr.id().value()))
			.andExpect(jsonPath("$[0].fromVersion").value(1))
			.andExpect(jsonPath("$[0].toVersion").value(2))
			.andExpect(jsonPath("$[0].diff").value(containsString("+Gather **usage data** and the renewal date first.")))
			.andExpect(jsonPath("$[0].diff").value(containsString("-Gather **usage data** first.")));
		mvc.perform(as(org.managerA(), get(updates))).andExpect(status().isNotFound());
		assertThat(notified(ben, "Update available: Running an EBR " + word)).isTrue();

		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/accept")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sourceVersion").value(2));
		assertThat(authoring.editable(ben, mine.id()).lesson(copyId).orElseThrow().markdown())
			.isEqualTo("Gather **usage data** and the renewal date first.");
		mvc.perform(as(org.managerB(), get(updates))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/accept"))).andExpect(status().isConflict());
	}

	@Test
	void aKeptUpdateIsOfferedAgainOnlyForANewerVersion() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		String copyId = reuse(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "LINKED", null).getFirst();
		String updates = "/api/v1/courses/" + mine.id().value() + "/component-updates";
		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/keep"))).andExpect(status().isConflict());

		ebr = publishChange(ebr, "Version two text.");
		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/keep")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keptVersion").value(2));
		mvc.perform(as(org.managerB(), get(updates))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/keep"))).andExpect(status().isConflict());

		publishChange(ebr, "Version three text.");
		mvc.perform(as(org.managerB(), get(updates)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].toVersion").value(3));
	}

	@Test
	void aPublishedReusingCourseTakesAnUpdateOnlyInANewVersion() throws Exception {
		Course ebr = source(maya, "Running an EBR " + word);
		Course mine = draft(ben, "Onboarding " + word);
		String copyId = reuse(org.managerB(), mine.id(), ebr.lessons().getFirst().id(), "LINKED", null).getFirst();
		authoring.publish(ben, mine.id(), authoring.editable(ben, mine.id()).revision());
		publishChange(ebr, "Gather the renewal date too.");
		String updates = "/api/v1/courses/" + mine.id().value() + "/component-updates";

		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/accept")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value(containsString("Start a new version")));
		mvc.perform(as(org.managerB(), get(updates))).andExpect(jsonPath("$", hasSize(1)));

		Course next = authoring.startVersion(ben, mine.id(), authoring.editable(ben, mine.id()).revision());
		mvc.perform(as(org.managerB(), post(updates + "/" + copyId + "/accept"))).andExpect(status().isOk());
		assertThat(authoring.editable(ben, next.id()).lesson(copyId).orElseThrow().markdown())
			.isEqualTo("Gather the renewal date too.");
		assertThat(authoring.published(mine.id()).lesson(copyId).orElseThrow().markdown())
			.isEqualTo("Gather **usage data** first.");
	}

	@Test
	void theComponentApiIsDocumentedInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"/api/v1/components\"")))
			.andExpect(content().string(containsString("\"/api/v1/courses/{courseId}/components\"")))
			.andExpect(content().string(containsString("\"/api/v1/courses/{courseId}/component-updates/{elementId}/accept\"")))
			.andExpect(content().string(containsString("\"name\":\"Components\"")));
	}

	/** Notifications are sent after the publication commits, in their own transaction: waits a little for them. */
	private boolean notified(Viewer who, String subject) throws InterruptedException {
		for (int i = 0; i < 50; i++) {
			if (notifications.page(who, 1).items().stream().anyMatch(n -> n.subject().equals(subject))) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	private Course publishChange(Course source, String firstLessonText) {
		Course next = authoring.startVersion(maya, source.id(), authoring.editable(maya, source.id()).revision());
		Lesson first = next.lessons().getFirst();
		List<Lesson> lessons = new java.util.ArrayList<>(next.lessons());
		lessons.set(0, new Lesson(first.id(), first.title(), firstLessonText, first.sources(), first.module(),
				first.knowledgeChecks()));
		next = authoring.update(maya, source.id(), next.revision(), next.content().with(lessons, next.quiz()));
		return authoring.publish(maya, source.id(), next.revision());
	}

	/** The course as the API's PUT takes it, with its lessons' ids, and the last lesson's text changed. */
	private String courseJson(Course course, String lastLessonText) throws Exception {
		JsonNode body = json.readTree(mvc.perform(as(course.authorId(), get("/api/v1/courses/" + course.id().value())))
			.andReturn().getResponse().getContentAsString());
		var root = (tools.jackson.databind.node.ObjectNode) body;
		var lessons = (tools.jackson.databind.node.ArrayNode) root.get("lessons");
		((tools.jackson.databind.node.ObjectNode) lessons.get(lessons.size() - 1)).put("markdown", lastLessonText);
		root.put("revision", course.revision());
		return json.writeValueAsString(root);
	}

	private List<String> reuse(PersonId who, CourseId course, String componentId, String mode, Integer position)
			throws Exception {
		String body = mvc.perform(reuseRequest(who, course, componentId, mode, position))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		List<String> ids = new java.util.ArrayList<>();
		json.readTree(body).get("elementIds").forEach(n -> ids.add(n.asString()));
		return ids;
	}

	private MockHttpServletRequestBuilder reuseRequest(PersonId who, CourseId course, String componentId, String mode,
			Integer position) throws Exception {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("componentId", componentId);
		body.put("mode", mode);
		if (position != null) {
			body.put("position", position);
		}
		return as(who, post("/api/v1/courses/" + course.value() + "/components").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	private MockHttpServletRequestBuilder as(PersonId who, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + fixtures.token(who));
	}
}
