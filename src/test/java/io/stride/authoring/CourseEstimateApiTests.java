package io.stride.authoring;

import java.nio.file.Files;
import java.nio.file.Path;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A course's estimated time: the draft's estimate kept on a course made from it, one from the lessons' length when
 * nobody gave one, and the author changing it through the course API and on the course's page (bad values at the
 * field, others refused).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseEstimateApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void aCourseMadeFromADraftKeepsTheDraftsEstimateAndItsAuthorChangesIt() throws Exception {
		JsonNode draft = read(mvc.perform(multipart("/api/v1/drafts")
				.file(new MockMultipartFile("files", "expense-policy.md", "text/markdown",
						Files.readAllBytes(Path.of("src/test/resources/corpus/expense-policy.md"))))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated()));
		int drafted = draft.get("estimatedMinutes").asInt();
		assertThat(drafted).isPositive();
		String course = read(mvc.perform(post("/api/v1/drafts/" + draft.get("id").asString() + "/courses")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())).get("courses").get(0).get("id").asString();
		mvc.perform(get("/api/v1/courses/" + course).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.estimatedMinutes").value(drafted))
			.andExpect(jsonPath("$.estimateGiven").value(true));

		mvc.perform(put("/api/v1/courses/" + course + "/estimate").header("Authorization", bearer(org.managerA()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"estimatedMinutes\":45}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.estimatedMinutes").value(45));
		mvc.perform(put("/api/v1/courses/" + course + "/estimate").header("Authorization", bearer(org.managerA()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"estimatedMinutes\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.estimatedMinutes").value(containsString("from 1 to 6000 minutes")));
		// someone else's draft is not found
		mvc.perform(put("/api/v1/courses/" + course + "/estimate").header("Authorization", bearer(org.learnerB()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"estimatedMinutes\":5}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + course).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.estimatedMinutes").value(45));
	}

	@Test
	void aCourseWithoutAnEstimateGetsOneFromItsLengthAndTheCourseBodyMayGiveOne() throws Exception {
		String lesson = "word ".repeat(1000);
		String body = "{\"title\":\"Long read\",\"description\":\"d\",\"lessons\":[{\"title\":\"One\",\"markdown\":\"" + lesson
				+ "\"}],\"quiz\":{\"passMark\":80,\"questions\":[]}";
		String plain = read(mvc.perform(post("/api/v1/courses").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON).content(body + "}"))
			.andExpect(status().isCreated())).get("id").asString();
		// 5,000 characters: about 834 words, at 200 a minute 5 minutes
		mvc.perform(get("/api/v1/courses/" + plain).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.estimatedMinutes").value(5))
			.andExpect(jsonPath("$.estimateGiven").value(false));

		String given = read(mvc.perform(post("/api/v1/courses").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON).content(body + ",\"estimatedMinutes\":25}"))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(get("/api/v1/courses/" + given).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.estimatedMinutes").value(25))
			.andExpect(jsonPath("$.estimateGiven").value(true));
		mvc.perform(post("/api/v1/courses").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON).content(body + ",\"estimatedMinutes\":6001}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.estimatedMinutes").exists());
	}

	@Test
	void aShortCourseTakesAbout1MinuteNot1Minutes() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Short " + org.suffix());
		String page = "/courses/" + course.id().value() + "/assign";
		// two lessons of a few words: a minute from their length
		assertThat(mvc.perform(get(page).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andReturn().getResponse().getContentAsString())
			.contains("About 1 minute, from the lessons’ length")
			.doesNotContain("1 minutes");
		mvc.perform(post("/courses/" + course.id().value() + "/estimate").with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
				.with(csrf()).param("estimatedMinutes", "1"))
			.andExpect(flash().attribute("notice", "The course now takes about 1 minute."));
		assertThat(mvc.perform(get(page).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andReturn().getResponse().getContentAsString())
			.contains("About 1 minute, as given by the draft or its author.")
			.doesNotContain("1 minutes");
		mvc.perform(post("/courses/" + course.id().value() + "/estimate").with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
				.with(csrf()).param("estimatedMinutes", "2"))
			.andExpect(flash().attribute("notice", "The course now takes about 2 minutes."));
	}

	@Test
	void theAuthorChangesTheEstimateOnTheCoursePageAndReadersDoNotSeeTheForm() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Estimated " + org.suffix());
		String page = "/courses/" + course.id().value() + "/assign";
		String shown = mvc.perform(get(page).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(shown).contains("<h2 id=\"estimate-heading\">Estimated time</h2>", "from the lessons’ length",
				"<label for=\"estimatedMinutes\">", "name=\"_csrf\"");

		mvc.perform(post("/courses/" + course.id().value() + "/estimate").with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
				.with(csrf()).param("estimatedMinutes", "-5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("estimateError", containsString("from 1 to 6000")));
		mvc.perform(post("/courses/" + course.id().value() + "/estimate").with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
				.with(csrf()).param("estimatedMinutes", "35"))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get(page).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andReturn().getResponse().getContentAsString()).contains("About 35 minutes, as given");
		// a learner reads the published course but does not change it
		assertThat(mvc.perform(get("/api/v1/courses/" + course.id().value()).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("\"estimatedMinutes\":35");
		mvc.perform(put("/api/v1/courses/" + course.id().value() + "/estimate").header("Authorization", bearer(org.learnerB()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"estimatedMinutes\":5}"))
			.andExpect(status().isForbidden());
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
