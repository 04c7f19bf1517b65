package io.stride.authoring;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outline editor's API: reading the outline, saving one element at a time under its own revision (a conflict on
 * the same element answers both texts; different elements never conflict), adding, removing and restoring, moving,
 * undo, the settings, and who may do it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutlineApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	JdbcClient jdbc;

	Org org;

	Viewer author;

	Course course;

	@BeforeEach
	void aDraft() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		CourseContent sample = Fixtures.sampleCourse("Incident reports");
		Lesson first = sample.lessons().get(0);
		course = authoring.create(author, sample.with(List.of(
				new Lesson(null, first.title(), first.markdown(), List.of(), "Basics", List.of(new Question(null,
						QuestionKind.TRUE_FALSE, "Report at once?", List.of("True", "False"), List.of(0), ""))),
				new Lesson(null, "Report it", "Use the *incident form*.", List.of(), "Basics"),
				new Lesson(null, "Follow up", "Check the ticket.", List.of(), "After")), sample.quiz()));
	}

	@Test
	void theOutlineListsModulesLessonsChecksAndTheQuizWithTheirRevisions() throws Exception {
		JsonNode outline = read(mvc.perform(as(get(base() + "/outline"), org.managerA())).andExpect(status().isOk()));
		assertThat(outline.get("courseId").asString()).isEqualTo(course.id().value());
		assertThat(outline.get("status").asString()).isEqualTo("DRAFT");
		assertThat(outline.get("outlineRevision").asInt()).isPositive();
		assertThat(outline.get("modules")).hasSize(2);
		assertThat(outline.get("modules").get(0).get("name").asString()).isEqualTo("Basics");
		JsonNode lesson = outline.get("modules").get(0).get("lessons").get(0);
		assertThat(lesson.get("title").asString()).isEqualTo("Spot it");
		assertThat(lesson.get("revision").asInt()).isEqualTo(1);
		assertThat(lesson.get("knowledgeChecks").get(0).get("prompt").asString()).isEqualTo("Report at once?");
		assertThat(lesson.get("knowledgeChecks").get(0).get("kind").asString()).isEqualTo("TRUE_FALSE");
		assertThat(outline.get("quiz")).hasSize(2);
		assertThat(outline.get("quiz").get(0).get("revision").asInt()).isEqualTo(1);

		mvc.perform(get(base() + "/outline")).andExpect(status().isUnauthorized());
		// someone else's draft is not there for them; a live course is, but not to change
		mvc.perform(as(get(base() + "/outline"), org.learnerB())).andExpect(status().isNotFound());
		Course live = fixtures.publishedCourse(author, "Live one");
		mvc.perform(as(get("/api/v1/courses/" + live.id().value() + "/outline"), org.learnerB()))
			.andExpect(status().isForbidden());
		mvc.perform(as(get("/api/v1/courses/" + io.stride.shared.Ids.newId() + "/outline"), org.managerA()))
			.andExpect(status().isNotFound());
		// an admin may edit any course
		mvc.perform(as(get(base() + "/outline"), fixtures.admin().id())).andExpect(status().isOk());
	}

	@Test
	void aLessonSaveMovesOnlyItsOwnRevisionAndASecondSaveOnTheSameRevisionGetsBothTexts() throws Exception {
		String lesson = lessonId(0);
		mvc.perform(as(put(base() + "/elements/" + lesson), org.managerA())
				.content("{\"revision\":1,\"title\":\"Spot it early\",\"markdown\":\"Within **one hour**.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(as(get(base() + "/elements/" + lesson), org.managerA()))
			.andExpect(jsonPath("$.type").value("LESSON"))
			.andExpect(jsonPath("$.title").value("Spot it early"))
			.andExpect(jsonPath("$.markdown").value("Within **one hour**."))
			.andExpect(jsonPath("$.module").value("Basics"))
			.andExpect(jsonPath("$.revision").value(2));

		// a second author still on revision 1
		PersonId admin = fixtures.admin().id();
		JsonNode conflict = read(mvc.perform(as(put(base() + "/elements/" + lesson), admin)
				.content("{\"revision\":1,\"title\":\"Spot it\",\"markdown\":\"My version.\"}"))
			.andExpect(status().isConflict()));
		assertThat(conflict.get("yours").get("markdown").asString()).isEqualTo("My version.");
		assertThat(conflict.get("theirs").get("markdown").asString()).isEqualTo("Within **one hour**.");
		assertThat(conflict.get("theirs").get("title").asString()).isEqualTo("Spot it early");
		assertThat(conflict.get("theirRevision").asInt()).isEqualTo(2);
		assertThat(conflict.get("savedBy").asString()).isEqualTo("Manager A");
		assertThat(conflict.get("savedAt").asString()).isNotBlank();
		// nothing of the first save was lost
		mvc.perform(as(get(base() + "/elements/" + lesson), org.managerA()))
			.andExpect(jsonPath("$.markdown").value("Within **one hour**."));
		// "keep mine": saved again on their revision
		mvc.perform(as(put(base() + "/elements/" + lesson), admin)
				.content("{\"revision\":2,\"title\":\"Spot it\",\"markdown\":\"My version.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(3));
	}

	@Test
	void twoAuthorsOnDifferentElementsNeverConflictEvenAtOnce() throws Exception {
		String first = lessonId(0);
		String second = lessonId(1);
		String question = quizId(0);
		// one after the other, each from the revisions it read when the page opened
		mvc.perform(as(put(base() + "/elements/" + first), org.managerA())
				.content("{\"revision\":1,\"title\":\"One\",\"markdown\":\"First author.\"}"))
			.andExpect(status().isOk());
		mvc.perform(as(put(base() + "/elements/" + second), fixtures.admin().id())
				.content("{\"revision\":1,\"title\":\"Two\",\"markdown\":\"Second author.\"}"))
			.andExpect(status().isOk());
		// and at the same moment
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> a = () -> mvc.perform(as(put(base() + "/elements/" + first), org.managerA())
					.content("{\"revision\":2,\"title\":\"One\",\"markdown\":\"First author again.\"}"))
				.andReturn().getResponse().getStatus();
			Callable<Integer> b = () -> mvc.perform(as(put(base() + "/elements/" + question), fixtures.admin().id())
					.content("{\"revision\":1,\"kind\":\"SINGLE_CHOICE\",\"prompt\":\"Report within what time?\","
							+ "\"options\":[\"1 hour\",\"1 day\"],\"correct\":[0]}"))
				.andReturn().getResponse().getStatus();
			Future<Integer> fa = pool.submit(a);
			Future<Integer> fb = pool.submit(b);
			assertThat(List.of(fa.get(), fb.get())).containsExactly(200, 200);
		}
		finally {
			pool.shutdownNow();
		}
		Course saved = authoring.editable(author, course.id());
		assertThat(saved.lessons().get(0).markdown()).isEqualTo("First author again.");
		assertThat(saved.lessons().get(1).markdown()).isEqualTo("Second author.");
		assertThat(saved.quiz().questions().get(0).prompt()).isEqualTo("Report within what time?");
		assertThat(saved.quiz().questions().get(0).options()).containsExactly("1 hour", "1 day");
	}

	@Test
	void badContentIsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
		String lesson = lessonId(0);
		mvc.perform(as(put(base() + "/elements/" + lesson), org.managerA())
				.content("{\"revision\":1,\"title\":\"  \",\"markdown\":\"Text\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").value("Give the lesson a title."));
		mvc.perform(as(put(base() + "/elements/" + lesson), org.managerA())
				.content("{\"title\":\"T\",\"markdown\":\"Text\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());
		mvc.perform(as(put(base() + "/elements/" + quizId(0)), org.managerA())
				.content("{\"revision\":1,\"kind\":\"SINGLE_CHOICE\",\"prompt\":\"\",\"options\":[\"a\",\"b\"],\"correct\":[0]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.prompt").exists());
		mvc.perform(as(put(base() + "/elements/" + quizId(0)), org.managerA())
				.content("{\"revision\":1,\"kind\":\"NO_SUCH_KIND\",\"prompt\":\"P\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").exists());
		// a lesson's fields sent to a question
		mvc.perform(as(put(base() + "/elements/" + quizId(0)), org.managerA())
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.type").exists());
		mvc.perform(as(put(base() + "/elements/" + io.stride.shared.Ids.newId()), org.managerA())
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(as(put(base() + "/elements/" + lesson), org.learnerA())
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isNotFound());
		assertThat(authoring.editable(author, course.id()).lessons().get(0).title()).isEqualTo("Spot it");
	}

	@Test
	void aPublishedVersionIsNotEditedInPlace() throws Exception {
		Course published = authoring.publish(author, course.id(), course.revision());
		String lesson = published.lessons().get(0).id();
		mvc.perform(as(put(base() + "/elements/" + lesson), org.managerA())
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.status").value(containsString("start a new version")));
		mvc.perform(as(put(base() + "/elements/" + lesson), org.learnerB())
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aLinkedReusedElementIsReadOnly() throws Exception {
		String lesson = lessonId(1);
		Course source = fixtures.publishedCourse(author, "Source");
		jdbc.sql("INSERT INTO element_origins (course_id, element_id, element_kind, source_course_id, source_element_id, "
				+ "source_version, mode, reused_by, reused_at) VALUES (?, ?, 'LESSON', ?, ?, 1, 'LINKED', ?, CURRENT_TIMESTAMP)")
			.params(course.id().value(), lesson, source.id().value(), source.lessons().get(0).id(), author.id().value())
			.update();
		mvc.perform(as(get(base() + "/outline"), org.managerA()))
			.andExpect(jsonPath("$.modules[0].lessons[1].origin").value("LINKED"));
		mvc.perform(as(put(base() + "/elements/" + lesson), org.managerA())
				.content("{\"revision\":1,\"title\":\"T\",\"markdown\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.origin").value(containsString("detach")));
	}

	@Test
	void elementsAreAddedRemovedAndRestoredWhereTheyWere() throws Exception {
		String first = lessonId(0);
		JsonNode added = read(mvc.perform(as(post(base() + "/elements"), org.managerA())
				.content("{\"type\":\"LESSON\",\"afterId\":\"" + first + "\",\"title\":\"In between\"}"))
			.andExpect(status().isCreated()));
		assertThat(added.get("title").asString()).isEqualTo("In between");
		assertThat(added.get("module").asString()).isEqualTo("Basics");
		assertThat(outline().get("modules").get(0).get("lessons").get(1).get("id").asString())
			.isEqualTo(added.get("id").asString());
		read(mvc.perform(as(post(base() + "/elements"), org.managerA()).content("{\"type\":\"LESSON\",\"module\":\"New module\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.title").value("New lesson")));
		assertThat(outline().get("modules").get(2).get("name").asString()).isEqualTo("New module");
		mvc.perform(as(post(base() + "/elements"), org.managerA())
				.content("{\"type\":\"KNOWLEDGE_CHECK\",\"lessonId\":\"" + first + "\",\"kind\":\"TRUE_FALSE\","
						+ "\"prompt\":\"Is it so?\",\"options\":[\"True\",\"False\"],\"correct\":[1]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("KNOWLEDGE_CHECK"))
			.andExpect(jsonPath("$.lessonId").value(first));
		mvc.perform(as(post(base() + "/elements"), org.managerA()).content("{\"type\":\"QUESTION\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.question.prompt").value("New question"));
		mvc.perform(as(post(base() + "/elements"), org.managerA()).content("{\"type\":\"KNOWLEDGE_CHECK\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lessonId").exists());
		mvc.perform(as(post(base() + "/elements"), org.managerA()).content("{\"type\":\"CHAPTER\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.type").exists());
		mvc.perform(as(post(base() + "/elements"), org.learnerA()).content("{\"type\":\"LESSON\"}"))
			.andExpect(status().isNotFound());

		// removing the first lesson takes its two checks with it; restore brings all back in place
		JsonNode after = read(mvc.perform(as(delete(base() + "/elements/" + first), org.managerA())).andExpect(status().isOk()));
		assertThat(after.get("modules").get(0).get("lessons").get(0).get("title").asString()).isEqualTo("In between");
		assertThat(authoring.editable(author, course.id()).knowledgeChecks()).isEmpty();
		JsonNode restored = read(mvc.perform(as(post(base() + "/elements/" + first + "/restore"), org.managerA()))
			.andExpect(status().isOk()));
		JsonNode back = restored.get("modules").get(0).get("lessons").get(0);
		assertThat(back.get("id").asString()).isEqualTo(first);
		assertThat(back.get("knowledgeChecks")).hasSize(2);
		mvc.perform(as(post(base() + "/elements/" + first + "/restore"), org.managerA())).andExpect(status().isNotFound());

		String question = quizId(1);
		mvc.perform(as(delete(base() + "/elements/" + question), org.managerA())).andExpect(status().isOk());
		mvc.perform(as(post(base() + "/elements/" + question + "/restore"), org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quiz[1].id").value(question));
	}

	@Test
	void movesReorderAndChangeModulesAndAStaleMoveIsReappliedWithoutLosingAnything() throws Exception {
		JsonNode outline = outline();
		int revision = outline.get("outlineRevision").asInt();
		String first = lessonId(0);
		String last = lessonId(2);
		JsonNode moved = read(mvc.perform(as(post(base() + "/outline/moves"), org.managerA())
				.content("{\"elementId\":\"" + last + "\",\"module\":\"Basics\",\"position\":0,\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isOk()));
		assertThat(moved.get("reapplied").asBoolean()).isFalse();
		JsonNode basics = moved.get("outline").get("modules").get(0);
		assertThat(basics.get("lessons")).hasSize(3);
		assertThat(basics.get("lessons").get(0).get("id").asString()).isEqualTo(last);
		assertThat(moved.get("outline").get("modules")).hasSize(1);
		// a second author still on the old outline moves another lesson: made on the current outline
		JsonNode stale = read(mvc.perform(as(post(base() + "/outline/moves"), fixtures.admin().id())
				.content("{\"elementId\":\"" + first + "\",\"module\":\"Basics\",\"position\":2,\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isOk()));
		assertThat(stale.get("reapplied").asBoolean()).isTrue();
		List<String> order = ids(stale.get("outline").get("modules").get(0).get("lessons"));
		assertThat(order).hasSize(3).startsWith(last).endsWith(first);
		// but a stale move of the very lesson someone else moved since is refused: theirs stands
		mvc.perform(as(post(base() + "/outline/moves"), fixtures.admin().id())
				.content("{\"elementId\":\"" + last + "\",\"module\":\"Basics\",\"position\":2,\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.outlineRevision").value(revision + 2));
		assertThat(ids(outline().get("modules").get(0).get("lessons"))).startsWith(last);
		// a quiz question to first place, and a knowledge check to another lesson
		String q2 = quizId(1);
		mvc.perform(as(post(base() + "/outline/moves"), org.managerA())
				.content("{\"elementId\":\"" + q2 + "\",\"position\":0,\"outlineRevision\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outline.quiz[0].id").value(q2));
		String check = authoring.editable(author, course.id()).knowledgeChecks().get(0).id();
		mvc.perform(as(post(base() + "/outline/moves"), org.managerA())
				.content("{\"elementId\":\"" + check + "\",\"lessonId\":\"" + last + "\",\"position\":0,\"outlineRevision\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outline.modules[0].lessons[0].knowledgeChecks[0].id").value(check));
		mvc.perform(as(post(base() + "/outline/moves"), org.managerA())
				.content("{\"elementId\":\"" + first + "\",\"position\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.outlineRevision").exists());
		mvc.perform(as(post(base() + "/outline/moves"), org.managerA())
				.content("{\"elementId\":\"" + first + "\",\"position\":-1,\"outlineRevision\":1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.position").exists());
		mvc.perform(as(post(base() + "/outline/moves"), org.learnerA())
				.content("{\"elementId\":\"" + first + "\",\"position\":0,\"outlineRevision\":1}"))
			.andExpect(status().isNotFound());
		assertThat(authoring.editable(author, course.id()).lessons()).hasSize(3);
		assertThat(authoring.editable(author, course.id()).knowledgeChecks()).hasSize(1);
	}

	@Test
	void aModuleIsRenamedUnderTheOutlineRevision() throws Exception {
		int revision = outline().get("outlineRevision").asInt();
		mvc.perform(as(post(base() + "/outline/modules/rename"), org.managerA())
				.content("{\"name\":\"Basics\",\"newName\":\"Foundations\",\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.modules[0].name").value("Foundations"));
		mvc.perform(as(post(base() + "/outline/modules/rename"), org.managerA())
				.content("{\"name\":\"After\",\"newName\":\"Later\",\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isConflict());
		mvc.perform(as(post(base() + "/outline/modules/rename"), org.managerA())
				.content("{\"name\":\"Nope\",\"newName\":\"Later\",\"outlineRevision\":" + (revision + 1) + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists());
	}

	@Test
	void aWholeModuleIsMovedThenRemovedAndRestoredInPlaceWithItsChecksAndLinks() throws Exception {
		String spot = lessonId(0);
		String report = lessonId(1);
		String follow = lessonId(2);
		Course source = fixtures.publishedCourse(author, "Source");
		jdbc.sql("INSERT INTO element_origins (course_id, element_id, element_kind, source_course_id, source_element_id, "
				+ "source_version, mode, reused_by, reused_at) VALUES (?, ?, 'LESSON', ?, ?, 1, 'LINKED', ?, CURRENT_TIMESTAMP)")
			.params(course.id().value(), report, source.id().value(), source.lessons().get(0).id(), author.id().value())
			.update();
		JsonNode moved = read(mvc.perform(as(post(base() + "/outline/modules/moves"), org.managerA())
				.content("{\"name\":\"After\",\"position\":0,\"outlineRevision\":" + outlineRevision() + "}"))
			.andExpect(status().isOk()));
		assertThat(moved.get("modules").get(0).get("name").asString()).isEqualTo("After");
		assertThat(ids(moved.get("modules").get(1).get("lessons"))).containsExactly(spot, report);
		assertThat(authoring.editable(author, course.id()).lessons()).extracting(Lesson::id).containsExactly(follow, spot, report);

		JsonNode removed = read(mvc.perform(as(post(base() + "/outline/modules/remove"), org.managerA())
				.content("{\"name\":\"Basics\",\"outlineRevision\":" + outlineRevision() + "}"))
			.andExpect(status().isOk()));
		assertThat(removed.get("lessons").asInt()).isEqualTo(2);
		assertThat(removed.get("outline").get("modules")).hasSize(1);
		Course without = authoring.editable(author, course.id());
		assertThat(without.lessons()).extracting(Lesson::id).containsExactly(follow);
		assertThat(without.knowledgeChecks()).isEmpty();
		assertThat(without.quiz().questions()).hasSize(2);

		JsonNode restored = read(mvc.perform(as(post(base() + "/outline/modules/restore"), org.managerA())
				.content("{\"removalId\":\"" + removed.get("removalId").asString() + "\"}"))
			.andExpect(status().isOk()));
		JsonNode basics = restored.get("modules").get(1);
		assertThat(basics.get("name").asString()).isEqualTo("Basics");
		assertThat(ids(basics.get("lessons"))).containsExactly(spot, report);
		assertThat(basics.get("lessons").get(0).get("knowledgeChecks").get(0).get("prompt").asString())
			.isEqualTo("Report at once?");
		// the linked lesson is linked again, and an author still on the old text gets a conflict, not an overwrite
		assertThat(basics.get("lessons").get(1).get("origin").asString()).isEqualTo("LINKED");
		mvc.perform(as(put(base() + "/elements/" + spot), org.managerA())
				.content("{\"revision\":1,\"title\":\"Old tab\",\"markdown\":\"x\"}"))
			.andExpect(status().isConflict());
		mvc.perform(as(post(base() + "/outline/modules/restore"), org.managerA())
				.content("{\"removalId\":\"" + removed.get("removalId").asString() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.removalId").exists());
		assertThat(authoring.editable(author, course.id()).lessons()).hasSize(3);
	}

	@Test
	void moduleMovesAndRemovalsAreRefusedOnAStaleOutlineAnUnknownModuleOrAnotherAuthorsCourse() throws Exception {
		int revision = outlineRevision();
		mvc.perform(as(post(base() + "/outline/modules/moves"), org.managerA())
				.content("{\"name\":\"After\",\"position\":0,\"outlineRevision\":" + (revision - 1) + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.outlineRevision").value(revision))
			.andExpect(jsonPath("$.detail").value(containsString("changed the outline")));
		mvc.perform(as(post(base() + "/outline/modules/remove"), org.managerA())
				.content("{\"name\":\"Basics\",\"outlineRevision\":" + (revision - 1) + "}"))
			.andExpect(status().isConflict());
		mvc.perform(as(post(base() + "/outline/modules/moves"), org.managerA())
				.content("{\"name\":\"Nope\",\"position\":0,\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists());
		mvc.perform(as(post(base() + "/outline/modules/remove"), org.managerA())
				.content("{\"name\":\"Nope\",\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists());
		mvc.perform(as(post(base() + "/outline/modules/remove"), org.managerA()).content("{\"name\":\"Basics\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.outlineRevision").exists());
		mvc.perform(as(post(base() + "/outline/modules/restore"), org.managerA()).content("{\"removalId\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.removalId").exists());
		// someone else's draft is not there for them; a live course is, but not to change
		mvc.perform(as(post(base() + "/outline/modules/remove"), org.learnerB())
				.content("{\"name\":\"Basics\",\"outlineRevision\":" + revision + "}"))
			.andExpect(status().isNotFound());
		Course live = fixtures.publishedCourse(author, "Live one");
		mvc.perform(as(post("/api/v1/courses/" + live.id().value() + "/outline/modules/moves"), org.learnerB())
				.content("{\"name\":null,\"position\":0,\"outlineRevision\":1}"))
			.andExpect(status().isForbidden());
		// nothing was changed by any of these
		assertThat(outlineRevision()).isEqualTo(revision);
		assertThat(authoring.editable(author, course.id()).lessons()).extracting(Lesson::module)
			.containsExactly("Basics", "Basics", "After");
	}

	private int outlineRevision() throws Exception {
		return outline().get("outlineRevision").asInt();
	}

	@Test
	void undoPutsBackEarlierTextsOneByOneAsNewRevisions() throws Exception {
		String lesson = lessonId(1);
		mvc.perform(as(post(base() + "/elements/" + lesson + "/undo"), org.managerA()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.undo").exists());
		save(lesson, 1, "Second text");
		save(lesson, 2, "Third text");
		mvc.perform(as(post(base() + "/elements/" + lesson + "/undo"), org.managerA()).content("{\"revision\":3}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.markdown").value("Second text"))
			.andExpect(jsonPath("$.revision").value(4));
		mvc.perform(as(post(base() + "/elements/" + lesson + "/undo"), org.managerA()).content("{\"revision\":4}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.markdown").value("Use the *incident form*."))
			.andExpect(jsonPath("$.revision").value(5))
			.andExpect(jsonPath("$.canUndo").value(false));
		mvc.perform(as(post(base() + "/elements/" + lesson + "/undo"), org.managerA()).content("{\"revision\":3}"))
			.andExpect(status().isConflict());
	}

	@Test
	void theSettingsAreSavedUnderTheirOwnRevision() throws Exception {
		int revision = outline().get("settingsRevision").asInt();
		// an element save in between does not make the settings stale
		save(lessonId(0), 1, "Changed meanwhile");
		mvc.perform(as(put(base() + "/settings"), org.managerA())
				.content("{\"revision\":" + revision + ",\"title\":\"Incident reports, v2\",\"description\":\"D\","
						+ "\"objectives\":[\"Report in time\"],\"passMark\":70,\"attemptLimit\":3}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.settingsRevision").value(revision + 1));
		Course saved = authoring.editable(author, course.id());
		assertThat(saved.title()).isEqualTo("Incident reports, v2");
		assertThat(saved.quiz().passMark()).isEqualTo(70);
		assertThat(saved.quiz().settings().attemptLimit()).isEqualTo(3);
		assertThat(saved.objectives()).containsExactly("Report in time");
		assertThat(saved.lessons().get(0).markdown()).isEqualTo("Changed meanwhile");
		mvc.perform(as(put(base() + "/settings"), org.managerA())
				.content("{\"revision\":" + revision + ",\"title\":\"Stale\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.theirs.title").value("Incident reports, v2"));
		mvc.perform(as(put(base() + "/settings"), org.managerA())
				.content("{\"revision\":" + (revision + 1) + ",\"title\":\" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists());
		mvc.perform(as(put(base() + "/settings"), org.managerA())
				.content("{\"revision\":" + (revision + 1) + ",\"title\":\"T\",\"passMark\":120}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.passMark").exists());
		mvc.perform(as(put(base() + "/settings"), org.learnerB())
				.content("{\"revision\":" + (revision + 1) + ",\"title\":\"T\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theWholeCourseSaveKeepsElementIdsAndRevisionsAndMovesOnlyTheChangedOnes() throws Exception {
		save(lessonId(0), 1, "Edited alone");
		Course current = authoring.editable(author, course.id());
		List<Lesson> lessons = new java.util.ArrayList<>(current.lessons());
		Lesson second = lessons.get(1);
		lessons.set(1, new Lesson(second.id(), second.title(), "Changed by the whole save", second.sources(),
				second.module(), second.knowledgeChecks()));
		authoring.update(author, course.id(), current.revision(), current.content().with(lessons, current.quiz()));
		assertThat(revisionOf("lessons", lessons.get(0).id())).isEqualTo(2);
		assertThat(revisionOf("lessons", second.id())).isEqualTo(2);
		assertThat(revisionOf("lessons", lessons.get(2).id())).isEqualTo(1);
		assertThat(revisionOf("questions", current.quiz().questions().get(0).id())).isEqualTo(1);
		// its history has both texts, so undo works after a whole-course save too
		mvc.perform(as(post(base() + "/elements/" + second.id() + "/undo"), org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.markdown").value("Use the *incident form*."));
		// and a page still on the old element revision gets a conflict, not a silent overwrite
		mvc.perform(as(put(base() + "/elements/" + lessons.get(2).id()), org.managerA())
				.content("{\"revision\":1,\"title\":\"Follow up\",\"markdown\":\"ok\"}"))
			.andExpect(status().isOk());
		mvc.perform(as(put(base() + "/elements/" + second.id()), org.managerA())
				.content("{\"revision\":2,\"title\":\"Report it\",\"markdown\":\"late\"}"))
			.andExpect(status().isConflict());
	}

	private int revisionOf(String table, String id) {
		return jdbc.sql("SELECT revision FROM " + table + " WHERE id = ?").param(id).query(Integer.class).single();
	}

	private void save(String lesson, int revision, String markdown) throws Exception {
		String title = authoring.editable(author, course.id()).lesson(lesson).orElseThrow().title();
		mvc.perform(as(put(base() + "/elements/" + lesson), org.managerA())
				.content("{\"revision\":" + revision + ",\"title\":\"" + title + "\",\"markdown\":\"" + markdown + "\"}"))
			.andExpect(status().isOk());
	}

	private JsonNode outline() throws Exception {
		return read(mvc.perform(as(get(base() + "/outline"), org.managerA())).andExpect(status().isOk()));
	}

	private String lessonId(int index) {
		return authoring.editable(author, course.id()).lessons().get(index).id();
	}

	private String quizId(int index) {
		return authoring.editable(author, course.id()).quiz().questions().get(index).id();
	}

	private static List<String> ids(JsonNode items) {
		List<String> ids = new java.util.ArrayList<>();
		items.forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private String base() {
		return "/api/v1/courses/" + course.id().value();
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, PersonId person) {
		return request.header("Authorization", "Bearer " + fixtures.token(person)).contentType(MediaType.APPLICATION_JSON);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
