package io.stride.analytics.redrafts;

import java.util.List;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.Question;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The redraft loop through the API, on a course drafted from the expense policy and published: alternatives from a
 * question's passage, one saved in its place, the link listed; and every refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RedraftApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Course course;

	Question first;

	@BeforeEach
	void publishedDraftedCourse() throws Exception {
		org = fixtures.organization();
		var author = fixtures.viewer(org.managerA());
		course = fixtures.publishedDraftedCourse(author, RiskTier.LOW, "An internal how-to.");
		first = course.quiz().questions().get(0);
	}

	@Test
	void theAuthorGetsAlternativesFromTheSamePassageAndNothingIsSaved() throws Exception {
		mvc.perform(post(path("/questions/" + first.id() + "/alternatives")).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(course.revision()))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.question.prompt").value(first.prompt()))
			.andExpect(jsonPath("$.source.text").value(first.source().text()))
			.andExpect(jsonPath("$.alternatives", not(hasSize(0))))
			.andExpect(jsonPath("$.alternatives.length()").value(lessThanOrEqualTo(3)))
			.andExpect(jsonPath("$.alternatives[0].prompt").value(not(first.prompt())));
		Course after = authoring.course(fixtures.viewer(org.managerA()), course.id());
		assertThat(after.revision()).isEqualTo(course.revision());
		assertThat(after.status()).isEqualTo(CourseStatus.PUBLISHED);
	}

	@Test
	void theAuthorSavesAnEditedAlternativeAsANewQuestionInTheNextVersionsDraft() throws Exception {
		JsonNode offered = alternatives();
		ObjectNode question = (ObjectNode) offered.get("alternatives").get(0);
		question.put("prompt", question.get("prompt").asString() + " (edited)");
		String saved = mvc.perform(post(path("/questions/" + first.id() + "/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":" + course.revision() + ",\"question\":" + question + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.oldQuestionId").value(first.id()))
			.andExpect(jsonPath("$.newQuestionId").value(not(first.id())))
			.andExpect(jsonPath("$.fromVersion").value(1))
			.andExpect(jsonPath("$.madeInVersion").value(2))
			.andReturn().getResponse().getContentAsString();
		String newId = JSON.readTree(saved).get("newQuestionId").asString();

		Course draft = authoring.course(fixtures.viewer(org.managerA()), course.id());
		assertThat(draft.status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(draft.version()).isEqualTo(2);
		Question replaced = draft.quiz().questions().get(0);
		assertThat(replaced.id()).isEqualTo(newId);
		assertThat(replaced.prompt()).endsWith(" (edited)");
		assertThat(replaced.source()).as("the source note is kept").isEqualTo(first.source());
		assertThat(draft.quiz().questions()).hasSameSizeAs(course.quiz().questions());
		// learners still get version 1 with the old question
		assertThat(authoring.published(course.id()).quiz().questions().get(0).id()).isEqualTo(first.id());

		mvc.perform(get(path("/redrafts")).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].oldQuestionId").value(first.id()))
			.andExpect(jsonPath("$[0].newQuestionId").value(newId))
			.andExpect(jsonPath("$[0].newPrompt").value(replaced.prompt()))
			.andExpect(jsonPath("$[0].state").value("DRAFT"))
			.andExpect(jsonPath("$[0].before").doesNotExist())
			.andExpect(jsonPath("$[0].after").doesNotExist())
			.andExpect(jsonPath("$[0].attemptsNeeded").value(Redrafts.ENOUGH_ATTEMPTS));

		// the old question is no longer in the draft: it is not redrafted twice
		mvc.perform(post(path("/questions/" + first.id() + "/alternatives")).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("no longer in the course's draft of version 2")));

		// published (low risk: at once), the redraft is live in version 2
		mvc.perform(post(path("/publish")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":" + draft.revision() + "}"))
			.andExpect(status().isOk());
		mvc.perform(get(path("/redrafts")).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].state").value("PUBLISHED"))
			.andExpect(jsonPath("$[0].publishedInVersion").value(2));
	}

	@Test
	void aStaleRevisionIsAConflictAndNothingIsRecorded() throws Exception {
		JsonNode question = alternatives().get("alternatives").get(0);
		mvc.perform(post(path("/questions/" + first.id() + "/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":" + (course.revision() - 1) + ",\"question\":" + question + "}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(authoring.course(fixtures.viewer(org.managerA()), course.id()).status()).isEqualTo(CourseStatus.PUBLISHED);
		mvc.perform(get(path("/redrafts")).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void anInvalidQuestionIsRefusedWithAnErrorPerField() throws Exception {
		mvc.perform(post(path("/questions/" + first.id() + "/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":" + course.revision() + ",\"question\":{\"kind\":\"SINGLE_CHOICE\",\"prompt\":\" \","
					+ "\"options\":[\"Yes\",\"Yes\"],\"correct\":[]}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors['question.prompt']").exists())
			.andExpect(jsonPath("$.errors['question.options']").exists());
		mvc.perform(post(path("/questions/" + first.id() + "/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":" + course.revision() + ",\"question\":{\"kind\":\"ESSAY\",\"prompt\":\"Why?\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['question.kind']").exists());
		mvc.perform(post(path("/questions/" + first.id() + "/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"question\":{\"kind\":\"TRUE_FALSE\",\"prompt\":\"Why?\",\"options\":[\"True\",\"False\"],\"correct\":[0]}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());
		assertThat(authoring.course(fixtures.viewer(org.managerA()), course.id()).status()).isEqualTo(CourseStatus.PUBLISHED);
	}

	@Test
	void onlyTheCoursesEditorsRedraftAndNobodyElseFindsTheCourse() throws Exception {
		String alternatives = path("/questions/" + first.id() + "/alternatives");
		String redraft = path("/questions/" + first.id() + "/redraft");
		String body = "{\"revision\":" + course.revision() + ",\"question\":{\"kind\":\"TRUE_FALSE\",\"prompt\":\"Receipts are needed?\","
				+ "\"options\":[\"True\",\"False\"],\"correct\":[0]}}";
		mvc.perform(post(alternatives)).andExpect(status().isUnauthorized());
		mvc.perform(get(path("/redrafts"))).andExpect(status().isUnauthorized());
		for (PersonId outsider : List.of(org.managerB(), org.learnerA())) {
			mvc.perform(post(alternatives).header("Authorization", bearer(outsider))).andExpect(status().isNotFound());
			mvc.perform(post(redraft).header("Authorization", bearer(outsider)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isNotFound());
			mvc.perform(get(path("/redrafts")).header("Authorization", bearer(outsider))).andExpect(status().isNotFound());
		}
		// a reviewer sees item analysis and the redrafts, but does not change the course
		PersonId reviewer = fixtures.person(fixtures.admin(), "Rita Reviewer", "rita", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		mvc.perform(post(alternatives).header("Authorization", bearer(reviewer))).andExpect(status().isForbidden());
		mvc.perform(post(redraft).header("Authorization", bearer(reviewer)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(get(path("/redrafts")).header("Authorization", bearer(reviewer))).andExpect(status().isOk());
		// an admin may
		mvc.perform(post(alternatives).header("Authorization", bearer(fixtures.admin().id()))).andExpect(status().isOk());
		// no such question in this course
		mvc.perform(post(path("/questions/not-a-question/alternatives")).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		mvc.perform(post(path("/questions/not-a-question/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
		assertThat(authoring.course(fixtures.viewer(org.managerA()), course.id()).status()).isEqualTo(CourseStatus.PUBLISHED);
	}

	@Test
	void aCourseInReviewIsNotRedraftedUntilTheReviewEnds() throws Exception {
		var author = fixtures.viewer(org.managerA());
		Course next = authoring.startVersion(author, course.id(), course.revision());
		next = authoring.update(author, course.id(), next.revision(), next.content().withTier(RiskTier.MEDIUM, "Finance checks it."));
		Course inReview = authoring.requestPublication(author, course.id(), next.revision());
		assertThat(inReview.status()).isEqualTo(CourseStatus.IN_REVIEW);
		mvc.perform(post(path("/questions/" + first.id() + "/redraft")).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":" + inReview.revision() + ",\"question\":{\"kind\":\"TRUE_FALSE\",\"prompt\":\"Receipts are needed?\","
					+ "\"options\":[\"True\",\"False\"],\"correct\":[0]}}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("in review")));
	}

	@Test
	void theEndpointsAreInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/courses/{id}/questions/{questionId}/alternatives",
				"/api/v1/courses/{id}/questions/{questionId}/redraft", "/api/v1/courses/{id}/redrafts", "RedraftReportView",
				"attemptsNeeded");
	}

	private JsonNode alternatives() throws Exception {
		return JSON.readTree(mvc.perform(post(path("/questions/" + first.id() + "/alternatives"))
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
	}

	private String path(String rest) {
		return "/api/v1/courses/" + course.id() + rest;
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
