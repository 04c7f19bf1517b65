package io.stride.packages.questions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.OutlineEditing;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The question bank pages: only the course's editors, CSRF on, and the confirmed file is the one previewed. */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionBankPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing editing;

	Org org;

	Course course;

	@BeforeEach
	void draft() {
		org = fixtures.organization();
		course = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Pages " + org.suffix()));
	}

	@Test
	void onlyTheCoursesEditorsReachItsQuestionBankPages() throws Exception {
		String base = "/courses/" + course.id().value() + "/questions";
		mvc.perform(get(base + "/import").with(as(org.managerA(), "manager-a"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Import questions")));
		mvc.perform(get(base + "/export").with(as(org.managerA(), "manager-a"))).andExpect(status().isOk());
		mvc.perform(get(base + "/export/qti3").with(as(org.managerA(), "manager-a"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"));
		mvc.perform(get(base + "/import").with(as(org.managerB(), "manager-b"))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/export/gift").with(as(org.learnerA(), "learner-a"))).andExpect(status().isNotFound());
	}

	@Test
	void anImportPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(multipart("/courses/" + course.id().value() + "/questions/import")
			.file(new MockMultipartFile("file", "bank.gift", "text/plain", "::Q::A? {=a ~b}".getBytes(StandardCharsets.UTF_8)))
			.param("format", "gift")
			.with(as(org.managerA(), "manager-a")))
			.andExpect(status().isForbidden());
		assertThat(editing.outline(fixtures.viewer(org.managerA()), course.id()).quiz()).hasSize(2);
	}

	@Test
	void theConfirmedImportAddsTheFileThePreviewShowed() throws Exception {
		byte[] gift = "::Exits::Where is the exit? {=Left ~Right}".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/courses/" + course.id().value() + "/questions/import")
			.file(new MockMultipartFile("file", "bank.gift", "text/plain", gift))
			.param("format", "gift")
			.with(as(org.managerA(), "manager-a")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Import 1 question")))
			.andExpect(content().string(containsString(Base64.getEncoder().encodeToString(gift))));
		mvc.perform(multipart("/courses/" + course.id().value() + "/questions/import")
			.param("format", "gift").param("confirm", "true").param("fileName", "bank.gift")
			.param("content", "not base64!")
			.with(as(org.managerA(), "manager-a")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("was damaged; choose it again")));
		mvc.perform(multipart("/courses/" + course.id().value() + "/questions/import")
			.param("format", "gift").param("confirm", "true").param("fileName", "bank.gift")
			.param("content", Base64.getEncoder().encodeToString(gift))
			.with(as(org.managerA(), "manager-a")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/courses/" + course.id().value() + "/edit"));
		var quiz = editing.outline(fixtures.viewer(org.managerA()), course.id()).quiz();
		assertThat(quiz).hasSize(3);
		assertThat(quiz.get(2).prompt()).isEqualTo("Where is the exit?");
	}

	private RequestPostProcessor as(PersonId id, String handle) {
		return SignedIn.as(id, org.email(handle));
	}
}
