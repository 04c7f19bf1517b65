package io.stride.library;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The course editor's "Insert from library" dialog: its search and its reuse answer the signed-in page (session and
 * CSRF token) in JSON, refuse at the field, and change only the author's own draft.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LibraryDialogEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	String word;

	Viewer maya;

	Viewer ben;

	RequestPostProcessor benPage;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		word = "kw" + org.suffix().replace("-", "x");
		maya = fixtures.viewer(org.managerA());
		ben = fixtures.viewer(org.managerB());
		benPage = SignedIn.as(fixtures.viewerPerson(org.managerB()));
	}

	@Test
	void theDialogFindsALessonAndInsertsItLinkedIntoTheDraft() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		Lesson lesson = ebr.lessons().getFirst();
		mvc.perform(get("/library/dialog/components").param("q", word + " Spot").with(benPage))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(lesson.id()))
			.andExpect(jsonPath("$.items[0].title").value("Spot it"))
			.andExpect(jsonPath("$.items[0].sourceCourseTitle").value("Running an EBR " + word + " v1 by Manager A"));

		String body = mvc.perform(post("/courses/" + draft.id().value() + "/library-insert").with(benPage).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"componentId\":\"" + lesson.id() + "\",\"mode\":\"LINKED\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.elementId").exists())
			.andReturn().getResponse().getContentAsString();
		Course after = authoring.editable(ben, draft.id());
		assertThat(after.lessons()).hasSize(3);
		String inserted = after.lessons().stream().filter(l -> body.contains(l.id())).findFirst().orElseThrow().id();
		assertThat(authoring.origins(draft.id()).get(inserted).linked()).isTrue();
	}

	@Test
	void aBadInsertIsRefusedAtItsFieldAndOnlyTheAuthorsDraftChanges() throws Exception {
		Course ebr = fixtures.publishedCourse(maya, "Running an EBR " + word);
		Course draft = authoring.create(ben, Fixtures.sampleCourse("Onboarding " + word));
		String lesson = ebr.lessons().getFirst().id();
		String url = "/courses/" + draft.id().value() + "/library-insert";
		mvc.perform(post(url).with(benPage).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"componentId\":\"" + lesson + "\",\"mode\":\"SOMETIMES\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.mode").exists());
		mvc.perform(post(url).with(benPage).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"componentId\":\"no-such-component\",\"mode\":\"COPIED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.componentId").exists());
		// without the page's CSRF token nothing is inserted
		mvc.perform(post(url).with(benPage).contentType(MediaType.APPLICATION_JSON)
				.content("{\"componentId\":\"" + lesson + "\",\"mode\":\"COPIED\"}"))
			.andExpect(status().isForbidden());
		// another manager's page cannot insert into Ben's draft
		mvc.perform(post(url).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"componentId\":\"" + lesson + "\",\"mode\":\"COPIED\"}"))
			.andExpect(status().isNotFound());
		assertThat(authoring.editable(ben, draft.id()).lessons()).hasSize(2);
	}
}
