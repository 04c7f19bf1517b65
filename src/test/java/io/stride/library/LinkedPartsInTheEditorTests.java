package io.stride.library;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.ElementOrigin.Mode;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.authoring.Reuse;
import io.stride.identity.Person;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A linked lesson in the outline editor: the update its source published is shown there (and marked in the outline)
 * and taken or kept out there; it is detached there; on a published course the course page starts the new version and
 * takes the update in one step; "Insert from library" puts a part after the lesson open in the editor.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LinkedPartsInTheEditorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Reuse reuse;

	Org org;

	String word;

	Viewer maya;

	Viewer ben;

	Person benPerson;

	Course ebr;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		word = "kw" + org.suffix().replace("-", "x");
		maya = fixtures.viewer(org.managerA());
		ben = fixtures.viewer(org.managerB());
		benPerson = fixtures.viewerPerson(org.managerB());
		ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
	}

	@Test
	void theEditorShowsTheWaitingUpdateOfALinkedLessonAndTakesItThere() throws Exception {
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String copyId = reuseFirstLessonLinked(draft);
		publishChange("Report within **2 hours**.");
		String editorUrl = "/courses/" + draft.id().value() + "/edit?element=" + copyId;

		Document editor = page(editorUrl);
		assertThat(editor.select("#element-update-heading").text())
			.isEqualTo("An update from Running an EBR " + word + " v2 is waiting");
		assertThat(editor.select("#element-update .update-diff ins").eachText())
			.containsExactly("+ Added: Report within **2 hours**.");
		assertThat(editor.select("#outline-tree li[data-id=" + copyId + "] .update-tag").text())
			.isEqualTo("update waiting: v2");
		// read-only text has nothing to undo; detach is right here
		assertThat(editor.select("#undo")).isEmpty();
		assertThat(editor.select("#detach").attr("data-confirm")).contains("your own copy");
		assertThat(editor.select("#linked-checks-note").text()).contains("they stay yours, after the source’s");
		assertThat(editor.select("#move-module-help").text()).contains("Linked lessons move too");

		String take = editor.select("#take-update").parents().select("form").first().attr("action");
		MvcResult taken = mvc.perform(post(take).with(SignedIn.as(benPerson)).with(csrf()))
			.andExpect(redirectedUrl(editorUrl))
			.andReturn();
		assertThat((String) taken.getFlashMap().get("notice")).contains("taken into your draft").doesNotContain("Undo");
		assertThat(authoring.editable(ben, draft.id()).lesson(copyId).orElseThrow().markdown())
			.isEqualTo("Report within **2 hours**.");
		Document after = page(editorUrl);
		assertThat(after.select("#element-update")).isEmpty();
		assertThat(after.select(".update-tag")).isEmpty();
		assertThat(after.select("#linked-note")).hasSize(1);
	}

	@Test
	void keepMineInTheEditorLeavesTheCopyAndTheEditorOpenAtIt() throws Exception {
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String copyId = reuseFirstLessonLinked(draft);
		publishChange("Report within **2 hours**.");
		String editorUrl = "/courses/" + draft.id().value() + "/edit?element=" + copyId;
		String keep = page(editorUrl).select("#keep-update").parents().select("form").first().attr("action");

		mvc.perform(post(keep).with(SignedIn.as(benPerson)).with(csrf())).andExpect(redirectedUrl(editorUrl));
		assertThat(authoring.editable(ben, draft.id()).lesson(copyId).orElseThrow().markdown())
			.isEqualTo("Report within **1 hour**.\n\n1. Stop\n2. Report");
		assertThat(page(editorUrl).select("#element-update")).isEmpty();
	}

	@Test
	void detachingInTheEditorMakesTheLessonTheAuthorsOwnToEditAndUndo() throws Exception {
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String copyId = reuseFirstLessonLinked(draft);
		String editorUrl = "/courses/" + draft.id().value() + "/edit?element=" + copyId;
		String detach = page(editorUrl).select("#detach").parents().select("form").first().attr("action");

		mvc.perform(post(detach).with(SignedIn.as(benPerson)).with(csrf())).andExpect(redirectedUrl(editorUrl));
		assertThat(authoring.origins(draft.id()).get(copyId).linked()).isFalse();
		Document after = page(editorUrl);
		assertThat(after.select("#linked-note")).isEmpty();
		assertThat(after.select("#element-form fieldset").hasAttr("disabled")).isFalse();
		assertThat(after.select("#undo")).hasSize(1);
		assertThat(after.select("#element-area .provenance").text()).contains("your own copy");
	}

	@Test
	void onAPublishedCourseThePageStartsANewVersionAndTakesTheUpdateInOneStep() throws Exception {
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String copyId = reuseFirstLessonLinked(draft);
		Course published = authoring.publish(ben, draft.id(), authoring.editable(ben, draft.id()).revision());
		publishChange("Report within **2 hours**.");

		Document coursePage = page("/courses/" + published.id().value() + "/assign");
		assertThat(coursePage.select(".component-update .accept-update")).isEmpty();
		assertThat(coursePage.select(".take-in-new-version").text()).isEqualTo("Start a new version and take the update");
		String action = coursePage.select(".take-in-new-version").parents().select("form").first().attr("action");
		String revision = coursePage.select(".take-in-new-version").parents().select("form").first()
			.select("input[name=revision]").val();

		MvcResult result = mvc.perform(post(action).param("revision", revision).with(SignedIn.as(benPerson)).with(csrf()))
			.andExpect(redirectedUrl("/courses/" + published.id().value() + "/edit?element=" + copyId))
			.andReturn();
		assertThat((String) result.getFlashMap().get("notice")).startsWith("Version 2 is a draft");
		Course after = authoring.editable(ben, published.id());
		assertThat(after.status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(after.version()).isEqualTo(2);
		assertThat(after.lesson(copyId).orElseThrow().markdown()).isEqualTo("Report within **2 hours**.");
		assertThat(reuse.updatesOf(published.id())).isEmpty();
	}

	@Test
	void aModulesUpdateIsOfferedOnEachOfItsLessonsAndTakenFromAnyOfThem() throws Exception {
		Course source = authoring.create(maya, new CourseContent("Running a QBR " + word, "How.",
				List.of(new Lesson(null, "Prepare", "Gather data.", List.of(), "Running it"),
						new Lesson(null, "Present", "Lead with outcomes.", List.of(), "Running it")),
				new Quiz(50, List.of())));
		source = authoring.publish(maya, source.id(), source.revision());
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		List<String> copies = reuse.reuse(ben, draft.id(), new Reuse.Part(source.id(), Reuse.PartKind.MODULE, null,
				"Running it"), Mode.LINKED, null, null);
		Course next = authoring.startVersion(maya, source.id(), source.revision());
		List<Lesson> lessons = List.of(next.lessons().get(0),
				new Lesson(null, "Follow up", "Send notes within a day.", List.of(), "Running it"));
		next = authoring.update(maya, source.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.publish(maya, source.id(), next.revision());
		String present = copies.get(1);
		String editorUrl = "/courses/" + draft.id().value() + "/edit?element=" + present;

		Document editor = page(editorUrl);
		assertThat(editor.select("#outline-tree .update-tag")).hasSize(2);
		assertThat(editor.select("#element-update").text()).contains("It covers the module Running it")
			.contains("Adds the lesson “Follow up”").contains("Removes the lesson “Present”");
		String take = editor.select("#take-update").parents().select("form").first().attr("action");
		mvc.perform(post(take).with(SignedIn.as(benPerson)).with(csrf())).andExpect(redirectedUrl(editorUrl));
		assertThat(authoring.editable(ben, draft.id()).lessons()).extracting(Lesson::title)
			.containsExactly("Spot it", "Report it", "Prepare", "Follow up");
	}

	@Test
	void insertFromLibraryGoesAfterTheLessonOpenInTheEditorInItsModule() throws Exception {
		Course draft = authoring.create(ben, new CourseContent("Onboarding " + word, "How.",
				List.of(new Lesson(null, "Welcome", "Hello.", List.of(), "Basics"),
						new Lesson(null, "Tools", "Our tools.", List.of(), "Basics"),
						new Lesson(null, "Next steps", "Then.", List.of(), "Later")),
				new Quiz(50, List.of())));
		String welcome = draft.lessons().getFirst().id();
		Document editor = page("/courses/" + draft.id().value() + "/edit?element=" + welcome);
		var button = editor.select("#insert-from-library");
		assertThat(button.attr("data-insert-module")).isEqualTo("Basics");
		assertThat(button.attr("data-insert-position")).isEqualTo("2");
		assertThat(button.attr("data-insert-module-position")).isEqualTo("3");

		// what the dialog posts for a lesson, with the lesson "Welcome" open
		mvc.perform(post("/courses/" + draft.id().value() + "/library-insert").with(SignedIn.as(benPerson)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"componentId\":\"" + ebr.lessons().getFirst().id() + "\",\"mode\":\"COPIED\",\"module\":\""
						+ button.attr("data-insert-module") + "\",\"position\":" + button.attr("data-insert-position") + "}"))
			.andExpect(status().isCreated());
		assertThat(authoring.editable(ben, draft.id()).lessons()).extracting(l -> l.title() + " / " + l.module())
			.containsExactly("Welcome / Basics", "Spot it / Basics", "Tools / Basics", "Next steps / Later");
	}

	private String reuseFirstLessonLinked(Course draft) {
		return reuse.reuse(ben, draft.id(), new Reuse.Part(ebr.id(), Reuse.PartKind.LESSON, ebr.lessons().getFirst().id(),
				null), Mode.LINKED, null, null).getFirst();
	}

	/** The source's next version, its first lesson's text changed. */
	private void publishChange(String text) {
		Course next = authoring.startVersion(maya, ebr.id(), authoring.editable(maya, ebr.id()).revision());
		Lesson first = next.lessons().getFirst();
		List<Lesson> lessons = new ArrayList<>(next.lessons());
		lessons.set(0, new Lesson(first.id(), first.title(), text, first.sources(), first.module(), first.knowledgeChecks()));
		next = authoring.update(maya, ebr.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.publish(maya, ebr.id(), next.revision());
	}

	private Document page(String path) throws Exception {
		String html = mvc.perform(get(path).with(SignedIn.as(benPerson)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html);
	}
}
