package io.stride.library;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.Reuse;
import io.stride.identity.Person;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The library's pages as a signed-in browser gets them: the search and its empty state, a component's page and its
 * "Reuse in my course…" form, the course page's updates taken with a form, and provenance in the editor and the
 * lesson player.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LibraryPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Reuse reuse;

	@Autowired
	io.stride.support.CapabilityRows capabilities;

	Org org;

	String word;

	Viewer maya;

	Viewer ben;

	Person benPerson;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		word = "kw" + org.suffix().replace("-", "x");
		maya = fixtures.viewer(org.managerA());
		ben = fixtures.viewer(org.managerB());
		benPerson = fixtures.viewerPerson(org.managerB());
	}

	@Test
	void theSearchFormIsLabelledAndAnEmptyResultSaysWhatAComponentIs() throws Exception {
		Document page = page(benPerson, "/library?q=nothing" + word);
		assertThat(page.select("h1").text()).isEqualTo("Library");
		for (Element field : page.select("form#library-search input, form#library-search select")) {
			assertThat(page.select("label[for=" + field.id() + "]")).as(field.id()).hasSize(1);
		}
		assertThat(page.select("#results-heading").text()).isEqualTo("0 components");
		assertThat(page.select("#no-components").text()).contains("A component is a lesson, a module");
		assertThat(page.select("#library-settings")).isEmpty();
		assertThat(page(benPerson, "/courses").select("#reuse-from-library-link").attr("href")).isEqualTo("/library");
	}

	@Test
	void theChosenFiltersStayInTheFormAboveWhatTheyKept() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		fixtures.publishedCourse(ben, "Onboarding " + word);
		var capability = capabilities.capability("Runs reviews " + word, "Customer", org.managerA());
		capabilities.courseRule(capability, 1, ebr.id().value());

		Document filtered = page(benPerson, "/library?q=" + word + "&kind=lesson&capability=" + capability.value()
				+ "&author=" + org.managerA().value() + "&team=" + org.teamA().value());
		assertThat(filtered.select("#capability option[selected]").attr("value")).isEqualTo(capability.value());
		assertThat(filtered.select("#author option[selected]").attr("value")).isEqualTo(org.managerA().value());
		assertThat(filtered.select("#author option[selected]").text()).isEqualTo("Manager A");
		assertThat(filtered.select("#team option[selected]").attr("value")).isEqualTo(org.teamA().value());
		assertThat(filtered.select(".library-item").eachText()).hasSize(ebr.lessons().size())
			.allSatisfy(text -> assertThat(text).contains("from Running an EBR " + word));

		Document scored = page(benPerson, "/library?q=" + word + "&minScore=50");
		assertThat(scored.select("#minScore").attr("value")).isEqualTo("50");
		assertThat(scored.select("#results-heading").text()).isEqualTo("0 components");
	}

	@Test
	void aBadFilterIsShownAtItsFieldAndNoListStandsAsItsAnswer() throws Exception {
		fixtures.publishedCourse(maya, "Running an EBR " + word);
		String html = mvc.perform(get("/library?minScore=500").with(SignedIn.as(benPerson)))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("#minScore-error").text()).contains("−100 to 100");
		assertThat(page.select("#results-heading").text()).isEqualTo("No search run");
		assertThat(page.select("#search-problem").text()).startsWith("This search was not run:").contains("−100 to 100");
		assertThat(page.select(".library-item, #no-components")).isEmpty();
		// a hand-made sort, or a query of 600 characters, is said too, with no list
		Document sort = Jsoup.parse(mvc.perform(get("/library?sort=sideways").with(SignedIn.as(benPerson)))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
		assertThat(sort.select("#search-problem").text()).startsWith("This search was not run:");
		assertThat(sort.select(".library-item")).isEmpty();
		mvc.perform(get("/library").param("q", "x".repeat(600)).with(SignedIn.as(benPerson)))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aLearnersLibraryPageHasNoQuestionsToFindOrOpen() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		Person learner = fixtures.viewerPerson(org.learnerB());
		Document results = page(learner, "/library?q=" + word);
		assertThat(results.select(".library-item .kind").eachText()).containsExactly("Lesson", "Lesson");
		assertThat(page(fixtures.viewerPerson(org.managerA()), "/library?q=" + word).select(".library-item .kind").eachText())
			.contains(ComponentKind.QUESTION.label());
		assertThat(results.select("#kind option").eachAttr("value")).containsExactly("", "lesson", "module");
		String question = ebr.quiz().questions().getFirst().id();
		mvc.perform(get("/library/components/" + question).with(SignedIn.as(learner))).andExpect(status().isNotFound());
		assertThat(page(fixtures.viewerPerson(org.managerA()), "/library/components/" + question).select("h1").text())
			.isNotBlank();
	}

	@Test
	void anAuthorFindsALessonAndAddsItToTheirDraftLinked() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		Lesson lesson = ebr.lessons().getFirst();

		Document results = page(benPerson, "/library?q=" + word + "&kind=lesson&sort=title");
		assertThat(results.select(".library-item h3").eachText()).containsExactly("Report it", "Spot it");
		Element first = results.select(".library-item").get(1);
		assertThat(first.text()).contains("from Running an EBR " + word + " v1 by Manager A");

		Document component = page(benPerson, first.select("h3 a").attr("href"));
		assertThat(component.select("#provenance").text()).isEqualTo("from Running an EBR " + word + " v1 by Manager A");
		assertThat(component.select("#as-learners .lesson-body").html()).contains("<strong>1 hour</strong>");
		// Ben may not read the figures of Manager A's course, so he is not sent to a page he would get 404 on
		assertThat(component.select("#figures-link")).isEmpty();
		assertThat(component.select("#courseId option").eachAttr("value")).contains(draft.id().value());
		assertThat(component.select("label[for=mode-linked]").text()).contains("Linked");

		String missing = mvc.perform(post("/library/components/" + lesson.id() + "/reuse").param("mode", "LINKED")
			.with(SignedIn.as(benPerson)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(missing).select("#courseId-error").text()).isEqualTo("Choose one of your drafts.");

		String reused = mvc.perform(post("/library/components/" + lesson.id() + "/reuse").param("courseId", draft.id().value())
			.param("mode", "LINKED").with(SignedIn.as(benPerson)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		Course after = authoring.editable(ben, draft.id());
		assertThat(after.lessons()).hasSize(3);
		String copyId = after.lessons().get(2).id();
		// the editor opens at the lesson just reused
		assertThat(reused).isEqualTo("/courses/" + draft.id().value() + "/edit?element=" + copyId);
		assertThat(authoring.origins(draft.id())).containsKey(copyId);

		Document editor = page(benPerson, "/courses/" + draft.id().value() + "/edit?element=" + copyId);
		assertThat(editor.select("#element-area .provenance").text())
			.contains("Reused from Running an EBR " + word + " v1 by Manager A — linked");
		assertThat(page(benPerson, "/library/components/" + lesson.id()).select("#uses li").eachText())
			.containsExactly("Onboarding " + word);
	}

	@Test
	void theCoursePageShowsAnUpdateWithItsDiffAndTakesItWithAForm() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String copyId = reuse.reuse(ben, draft.id(), new Reuse.Part(ebr.id(), Reuse.PartKind.LESSON,
				ebr.lessons().getFirst().id(), null), io.stride.authoring.ElementOrigin.Mode.LINKED, null, null).getFirst();
		Course next = authoring.startVersion(maya, ebr.id(), ebr.revision());
		Lesson first = next.lessons().getFirst();
		List<Lesson> lessons = new java.util.ArrayList<>(next.lessons());
		lessons.set(0, new Lesson(first.id(), first.title(), "Report within **2 hours**.", first.sources(), null));
		next = authoring.update(maya, ebr.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.publish(maya, ebr.id(), next.revision());

		Document coursePage = page(benPerson, "/courses/" + draft.id().value() + "/assign");
		assertThat(coursePage.select("#updates-heading").text()).isEqualTo("Updates available");
		// the diff reads as lines removed and added, each marked in words, without a unified diff's headers
		assertThat(coursePage.select(".component-update .update-diff ins").eachText())
			.containsExactly("+ Added: Report within **2 hours**.");
		assertThat(coursePage.select(".component-update .update-diff del").text()).startsWith("− Removed: ");
		assertThat(coursePage.select(".component-update .update-diff").text()).doesNotContain("@@").doesNotContain("+++");
		assertThat(coursePage.select("#reused-parts .provenance").text()).contains("from Running an EBR " + word + " v1");
		String accept = coursePage.select(".component-update form").first().attr("action");

		mvc.perform(post(accept).with(SignedIn.as(benPerson)).with(csrf()))
			.andExpect(redirectedUrl("/courses/" + draft.id().value() + "/assign"));
		assertThat(authoring.editable(ben, draft.id()).lesson(copyId).orElseThrow().markdown())
			.isEqualTo("Report within **2 hours**.");
		Document after = page(benPerson, "/courses/" + draft.id().value() + "/assign");
		assertThat(after.select("#component-updates")).isEmpty();
		assertThat(after.select("#reused-parts .provenance").text()).contains("v2");
		// another author's course page offers nothing of it
		assertThat(mvc.perform(post(accept).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf()))
			.andReturn().getFlashMap().get("notice")).isNull();
	}

	@Test
	void theCoursePageSaysInWordsWhatAModulesUpdateChangesAndKeepsTheCopyOnRequest() throws Exception {
		Course source = authoring.create(maya, new io.stride.authoring.CourseContent("Running an EBR " + word, "How.",
				List.of(new Lesson(null, "Prepare", "Gather data.", List.of(), "Running it"),
						new Lesson(null, "Present", "Lead with outcomes.", List.of(), "Running it")),
				new io.stride.authoring.Quiz(50, List.of())));
		source = authoring.publish(maya, source.id(), source.revision());
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		reuse.reuse(ben, draft.id(), new Reuse.Part(source.id(), Reuse.PartKind.MODULE, null, "Running it"),
				io.stride.authoring.ElementOrigin.Mode.LINKED, null, null);
		Course next = authoring.startVersion(maya, source.id(), source.revision());
		List<Lesson> lessons = List.of(next.lessons().get(0),
				new Lesson(null, "Follow up", "Send notes within a day.", List.of(), "Running it"));
		next = authoring.update(maya, source.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.publish(maya, source.id(), next.revision());
		Course before = authoring.editable(ben, draft.id());

		Document coursePage = page(benPerson, "/courses/" + draft.id().value() + "/assign");
		assertThat(coursePage.select(".component-update h3").text()).isEqualTo("Module: Running it");
		assertThat(coursePage.select(".component-update .structural-changes li").eachText())
			.containsExactly("Adds the lesson “Follow up”", "Removes the lesson “Present”");
		assertThat(coursePage.select(".component-update .update-diff ins").eachText()).contains("+ Added: # Follow up");
		assertThat(coursePage.select(".component-update .update-diff del").eachText()).contains("− Removed: # Present");
		String keep = coursePage.select(".component-update form").get(1).attr("action");

		mvc.perform(post(keep).with(SignedIn.as(benPerson)).with(csrf()))
			.andExpect(redirectedUrl("/courses/" + draft.id().value() + "/assign"));
		assertThat(authoring.editable(ben, draft.id()).lessons()).isEqualTo(before.lessons());
		assertThat(page(benPerson, "/courses/" + draft.id().value() + "/assign").select("#component-updates")).isEmpty();
	}

	@Test
	void learnersSeeWhereAReusedLessonComesFromOnlyWhenTheOrganizationShowsIt() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String copyId = reuse.reuse(ben, draft.id(), new Reuse.Part(ebr.id(), Reuse.PartKind.LESSON,
				ebr.lessons().getFirst().id(), null), io.stride.authoring.ElementOrigin.Mode.COPIED, null, 1).getFirst();
		Course published = authoring.publish(ben, draft.id(), authoring.editable(ben, draft.id()).revision());
		Person learner = fixtures.viewerPerson(org.learnerB());
		String lessonPage = "/learning/courses/" + published.id().value() + "/lessons/" + copyId;
		Person admin = fixtures.viewerPerson(fixtures.admin().id());

		mvc.perform(post("/library/settings").with(SignedIn.as(benPerson)).with(csrf())).andExpect(status().isForbidden());
		try {
			assertThat(page(learner, lessonPage).select("#lesson-origin")).isEmpty();
			mvc.perform(post("/library/settings").param("showToLearners", "true").with(SignedIn.as(admin)).with(csrf()))
				.andExpect(redirectedUrl("/library"));
			assertThat(page(admin, "/library").select("#showToLearners").hasAttr("checked")).isTrue();
			assertThat(page(learner, lessonPage).select("#lesson-origin").text())
				.isEqualTo("Reused from Running an EBR " + word + " v1 by Manager A");
		}
		finally {
			reuse.showToLearners(fixtures.admin(), false);
		}
	}

	private Document page(Person who, String path) throws Exception {
		String html = mvc.perform(get(path).with(SignedIn.as(who)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html);
	}
}
