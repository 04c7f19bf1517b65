package io.stride.library;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Lesson;
import io.stride.authoring.OutlineEditing;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A linked lesson follows its source's knowledge checks, and lessons reused linked as a module follow the module's
 * lessons and their order: the update says what changes, taking it changes the draft's shape, keeping it changes
 * nothing. A copied part is never offered an update.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LinkedComponentsFollowTheirSourcesShapeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing outline;

	@Autowired
	JsonMapper json;

	Org org;

	Viewer maya;

	Viewer ben;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		maya = fixtures.viewer(org.managerA());
		ben = fixtures.viewer(org.managerB());
	}

	@Test
	void aCheckTheSourceAddsUnderALinkedLessonIsOfferedAndTakenWithItsOrigin() throws Exception {
		Course ebr = source();
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		List<String> ids = reuse(mine.id(), ebr.lessons().getFirst().id(), "LINKED");
		String copy = ids.getFirst();
		int lessonRevision = outline.element(ben, mine.id(), copy).revision();

		Course v2 = publish(ebr, content -> withLesson(content, 0, l -> new Lesson(l.id(), l.title(),
				"Gather usage data and the renewal date.", l.sources(), l.module(),
				append(l.knowledgeChecks(), check("Who signs the review off?")))));
		String addedAtSource = v2.lessons().getFirst().knowledgeChecks().get(1).id();

		mvc.perform(as(get(updates(mine))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].elementId").value(copy))
			.andExpect(jsonPath("$[0].elementKind").value("LESSON"))
			.andExpect(jsonPath("$[0].changes", hasSize(1)))
			.andExpect(jsonPath("$[0].changes[0].change").value("ADDED"))
			.andExpect(jsonPath("$[0].changes[0].elementKind").value("KNOWLEDGE_CHECK"))
			.andExpect(jsonPath("$[0].changes[0].text").value("Adds a knowledge check: “Who signs the review off?”"))
			.andExpect(jsonPath("$[0].diff").value(containsString("+Who signs the review off?")))
			.andExpect(jsonPath("$[0].diff").value(containsString("+Gather usage data and the renewal date.")));

		mvc.perform(as(post(updates(mine) + "/" + copy + "/accept")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sourceVersion").value(2));

		Lesson taken = authoring.editable(ben, mine.id()).lesson(copy).orElseThrow();
		assertThat(taken.markdown()).isEqualTo("Gather usage data and the renewal date.");
		assertThat(taken.sources()).extracting(SourceNote::source).containsExactly("guide.pdf");
		assertThat(taken.knowledgeChecks()).extracting(Question::prompt)
			.containsExactly("Bring data?", "Who signs the review off?");
		assertThat(taken.knowledgeChecks().get(0).id()).isEqualTo(ids.get(1));
		String newCheck = taken.knowledgeChecks().get(1).id();
		assertThat(newCheck).isNotEqualTo(addedAtSource);
		ElementOrigin origin = authoring.origins(mine.id()).get(newCheck);
		assertThat(origin.elementKind()).isEqualTo(ElementOrigin.Kind.KNOWLEDGE_CHECK);
		assertThat(origin.mode()).isEqualTo(ElementOrigin.Mode.LINKED);
		assertThat(origin.sourceElementId()).isEqualTo(addedAtSource);
		assertThat(origin.sourceVersion()).isEqualTo(2);
		// an editor open on the lesson at its old revision sees it moved on
		assertThat(outline.element(ben, mine.id(), copy).revision()).isGreaterThan(lessonRevision);
		mvc.perform(as(get(updates(mine)))).andExpect(jsonPath("$", hasSize(0)));

		// the next update works again: the source drops the check it added
		publish(v2, content -> withLesson(content, 0, l -> l.withKnowledgeChecks(l.knowledgeChecks().subList(0, 1))));
		mvc.perform(as(get(updates(mine))))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].changes[0].text").value("Removes the knowledge check “Who signs the review off?”"));
		mvc.perform(as(post(updates(mine) + "/" + copy + "/accept"))).andExpect(status().isOk());
		assertThat(authoring.editable(ben, mine.id()).lesson(copy).orElseThrow().knowledgeChecks())
			.extracting(Question::prompt).containsExactly("Bring data?");
		assertThat(authoring.origins(mine.id())).doesNotContainKey(newCheck);
	}

	@Test
	void keepingAnUpdateThatAddsACheckLeavesTheCourseAsItIs() throws Exception {
		Course ebr = source();
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		String copy = reuse(mine.id(), ebr.lessons().getFirst().id(), "LINKED").getFirst();
		Course before = authoring.editable(ben, mine.id());
		publish(ebr, content -> withLesson(content, 0,
				l -> l.withKnowledgeChecks(append(l.knowledgeChecks(), check("Who signs the review off?")))));

		mvc.perform(as(post(updates(mine) + "/" + copy + "/keep")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keptVersion").value(2));

		Course after = authoring.editable(ben, mine.id());
		assertThat(after.content()).isEqualTo(before.content());
		mvc.perform(as(get(updates(mine)))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(as(post(updates(mine) + "/" + copy + "/accept"))).andExpect(status().isConflict());
	}

	@Test
	void aLessonTheSourceRemovesFromALinkedModuleLeavesTheNextVersionOnly() throws Exception {
		Course ebr = source();
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		List<String> ids = reuse(mine.id(), ComponentIndex.moduleId(ebr.id(), "Running it"), "LINKED");
		String prepare = ids.get(0);
		String present = ids.get(2);
		assertThat(authoring.origins(mine.id()).get(present).sourceModule()).isEqualTo("Running it");
		authoring.publish(ben, mine.id(), authoring.editable(ben, mine.id()).revision());

		publish(ebr, content -> content.with(content.lessons().stream().filter(l -> !l.title().equals("Present")).toList(),
				content.quiz()));

		mvc.perform(as(get(updates(mine))))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].elementKind").value("MODULE"))
			.andExpect(jsonPath("$[0].module").value("Running it"))
			.andExpect(jsonPath("$[0].elementId").value(prepare))
			.andExpect(jsonPath("$[0].changes[0].text").value("Removes the lesson “Present”"))
			.andExpect(jsonPath("$[0].diff").value(containsString("-# Present")));
		Course next = authoring.startVersion(ben, mine.id(), authoring.editable(ben, mine.id()).revision());
		mvc.perform(as(post(updates(mine) + "/" + prepare + "/accept"))).andExpect(status().isOk());

		assertThat(authoring.editable(ben, next.id()).lessons()).extracting(Lesson::id).doesNotContain(present)
			.contains(prepare);
		assertThat(authoring.origins(mine.id())).doesNotContainKey(present).containsKey(prepare);
		// the published version learners take keeps it until this draft is published
		assertThat(authoring.published(mine.id()).lesson(present)).isPresent();
		mvc.perform(as(get(updates(mine)))).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void aLessonAddedToALinkedModuleAndItsNewOrderAreTaken() throws Exception {
		Course ebr = source();
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		List<String> ids = reuse(mine.id(), ComponentIndex.moduleId(ebr.id(), "Running it"), "LINKED");
		String prepare = ids.get(0);
		String present = ids.get(2);

		Course v2 = publish(ebr, content -> {
			List<Lesson> lessons = new ArrayList<>(content.lessons());
			Lesson first = lessons.remove(0);
			lessons.add(1, first);
			lessons.add(2, new Lesson(null, "Follow up", "Send notes within a day.", List.of(), "Running it",
					List.of(check("Notes within a day?"))));
			return content.with(lessons, content.quiz());
		});
		String followUpAtSource = v2.lessons().get(2).id();

		mvc.perform(as(get(updates(mine))))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].changes[*].text").value(contains("Lesson order changed",
					"Adds the lesson “Follow up”")));
		mvc.perform(as(post(updates(mine) + "/" + prepare + "/accept"))).andExpect(status().isOk());

		Course after = authoring.editable(ben, mine.id());
		assertThat(after.lessons()).extracting(Lesson::title)
			.containsExactly("Spot it", "Report it", "Present", "Prepare", "Follow up");
		assertThat(after.lessons().get(2).id()).isEqualTo(present);
		assertThat(after.lessons().get(3).id()).isEqualTo(prepare);
		Lesson followUp = after.lessons().get(4);
		assertThat(followUp.module()).isEqualTo("Running it");
		assertThat(followUp.knowledgeChecks()).extracting(Question::prompt).containsExactly("Notes within a day?");
		var origins = authoring.origins(mine.id());
		assertThat(origins.get(followUp.id()).sourceElementId()).isEqualTo(followUpAtSource);
		assertThat(origins.get(followUp.id()).sourceModule()).isEqualTo("Running it");
		assertThat(origins.get(followUp.knowledgeChecks().getFirst().id()).linked()).isTrue();

		// taken, the module is offered the source's next change again
		publish(v2, content -> withLesson(content, 2, l -> new Lesson(l.id(), l.title(), "Send notes the same day.",
				l.sources(), l.module(), l.knowledgeChecks())));
		mvc.perform(as(get(updates(mine))))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].changes[*].text").value(contains("Changes the lesson “Follow up”")));
	}

	@Test
	void aLinkedModuleFollowsItsSourceWhenTheModuleIsRenamed() throws Exception {
		Course ebr = source();
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		List<String> ids = reuse(mine.id(), ComponentIndex.moduleId(ebr.id(), "Running it"), "LINKED");

		Course v2 = publish(ebr, content -> {
			List<Lesson> lessons = new ArrayList<>();
			content.lessons().forEach(l -> lessons.add(new Lesson(l.id(), l.title(), l.markdown(), l.sources(),
					"Running the review", l.knowledgeChecks())));
			lessons.add(new Lesson(null, "Follow up", "Send notes within a day.", List.of(), "Running the review"));
			return content.with(lessons, content.quiz());
		});

		// renamed at the source, the module's lessons are not offered as removed
		mvc.perform(as(get(updates(mine))))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].changes[*].text").value(contains("Adds the lesson “Follow up”")));
		mvc.perform(as(post(updates(mine) + "/" + ids.getFirst() + "/accept"))).andExpect(status().isOk());
		Course after = authoring.editable(ben, mine.id());
		// the author's module keeps its name in their course
		assertThat(after.lessons()).extracting(Lesson::module)
			.containsExactly(null, null, "Running it", "Running it", "Running it");
		assertThat(authoring.origins(mine.id()).values()).filteredOn(o -> o.elementKind() == ElementOrigin.Kind.LESSON)
			.extracting(ElementOrigin::sourceModule).containsOnly("Running the review");

		publish(v2, content -> content.with(content.lessons().subList(0, 2), content.quiz()));
		mvc.perform(as(get(updates(mine))))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].changes[*].text").value(contains("Removes the lesson “Follow up”")));
	}

	@Test
	void aCopiedModuleIsNeverOfferedAnUpdate() throws Exception {
		Course ebr = source();
		Course mine = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + org.suffix()));
		List<String> ids = reuse(mine.id(), ComponentIndex.moduleId(ebr.id(), "Running it"), "COPIED");
		publish(ebr, content -> content.with(append(content.lessons(), new Lesson(null, "Follow up", "Send notes.",
				List.of(), "Running it", List.of(check("Notes within a day?")))), content.quiz()));

		mvc.perform(as(get(updates(mine)))).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(as(post(updates(mine) + "/" + ids.getFirst() + "/accept"))).andExpect(status().isConflict());
		assertThat(authoring.editable(ben, mine.id()).lessons()).hasSize(4);
	}

	@Test
	void theStructuralChangesAreDocumentedInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"ChangeView\"")))
			.andExpect(content().string(containsString("lessons added, removed or reordered in a linked module")));
	}

	/** Maya's published course: a module "Running it" of a cited lesson with a knowledge check and a second lesson. */
	private Course source() {
		CourseContent content = new CourseContent("Running an EBR " + org.suffix(), "How we run it.",
				List.of(new Lesson(null, "Prepare", "Gather usage data first.",
						List.of(new SourceNote("guide.pdf", "page 2", 0, 10, "Gather it.")), "Running it",
						List.of(check("Bring data?"))),
						new Lesson(null, "Present", "Lead with outcomes.", List.of(), "Running it")),
				new Quiz(50, List.of(new Question(null, QuestionKind.SINGLE_CHOICE, "When do notes go out?",
						List.of("Within a day", "Within a month"), List.of(0), "Within a day."))));
		Course draft = authoring.create(maya, content);
		return authoring.publish(maya, draft.id(), draft.revision());
	}

	/** Publishes the source's next version, changed. */
	private Course publish(Course source, UnaryOperator<CourseContent> change) {
		Course next = authoring.startVersion(maya, source.id(), authoring.editable(maya, source.id()).revision());
		next = authoring.update(maya, source.id(), next.revision(), change.apply(next.content()));
		return authoring.publish(maya, source.id(), next.revision());
	}

	private static CourseContent withLesson(CourseContent content, int index, UnaryOperator<Lesson> change) {
		List<Lesson> lessons = new ArrayList<>(content.lessons());
		lessons.set(index, change.apply(lessons.get(index)));
		return content.with(lessons, content.quiz());
	}

	private static <T> List<T> append(List<T> list, T item) {
		List<T> longer = new ArrayList<>(list);
		longer.add(item);
		return longer;
	}

	private static Question check(String prompt) {
		return new Question(null, QuestionKind.TRUE_FALSE, prompt, List.of("True", "False"), List.of(0), "Yes.");
	}

	private static String updates(Course course) {
		return "/api/v1/courses/" + course.id().value() + "/component-updates";
	}

	private List<String> reuse(CourseId course, String componentId, String mode) throws Exception {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("componentId", componentId);
		body.put("mode", mode);
		String answer = mvc.perform(as(post("/api/v1/courses/" + course.value() + "/components")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		List<String> ids = new ArrayList<>();
		json.readTree(answer).get("elementIds").forEach(n -> ids.add(n.asString()));
		return ids;
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		PersonId who = org.managerB();
		return request.header("Authorization", "Bearer " + fixtures.token(who));
	}
}
