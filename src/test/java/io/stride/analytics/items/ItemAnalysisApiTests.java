package io.stride.analytics.items;

import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Item analysis through the API, from attempts taken the real way: the course's author, reviewers and admins see it;
 * anyone else finds no such course. The sample quiz: Q1 single choice (1 hour right, 24 hours, 1 week), Q2 multiple
 * select (Stop and Report right, Ignore), graded right/wrong.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ItemAnalysisApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	LearningRecord record;

	@Autowired
	ItemAnalysis analysis;

	@Autowired
	io.stride.support.ItemAnalysisSettings settings;

	Org org;

	Course course;

	String q1;

	String q2;

	@BeforeEach
	void quizTakenByThreeLearners() {
		settings.flagFromFirstAttempt();
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Items " + org.suffix());
		q1 = course.quiz().questions().get(0).id();
		q2 = course.quiz().questions().get(1).id();
		// first attempts: A right and right (2 of 2); A1 wrong and wrong (0); B right and wrong (1)
		take(org.learnerA(), 0, List.of(0, 1));
		take(org.learnerSubA(), 1, List.of(0, 2));
		take(org.learnerB(), 0, List.of(2));
		// A's second attempt counts only with attempts=all: wrong and wrong
		take(org.learnerA(), 1, List.of(2));
	}

	@AfterEach
	void defaultThresholdsAgain() {
		settings.defaults();
	}

	@Test
	void theAuthorSeesEachLearnersFirstAttemptAnalysed() throws Exception {
		// Q1 marks 1, 0, 1: facility 2/3; Q2 marks 1, 0, 0: facility 1/3; scores 1, 0, 1/2: mean 1/2
		// variances: Q1 (1/9 + 4/9 + 1/9)/2 = 1/3, Q2 likewise 1/3; totals 2, 0, 1: variance (1 + 1 + 0)/2 = 1
		// alpha = 2/1 × (1 - (1/3 + 1/3)/1) = 2/3
		// Q1 against the rest (Q2's marks 1, 0, 0, variance 1/3): deviations 1/3, -2/3, 1/3 and 2/3, -1/3, -1/3,
		// covariance (2/9 + 2/9 - 1/9)/2 = 1/6, discrimination (1/6)/√(1/3 × 1/3) = 1/2; sorted (0, 1, 1 with 0, 0, 1)
		// the covariance is (2/9 - 1/9 + 2/9)/2 = 1/6 too, so efficiency 1
		mvc.perform(get(path()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attempts").value(3))
			.andExpect(jsonPath("$.meanScore").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.medianScore").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.cronbachAlpha").value(closeTo(2.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.questions", hasSize(2)))
			.andExpect(jsonPath("$.questions[0].questionId").value(q1))
			.andExpect(jsonPath("$.questions[0].facility").value(closeTo(2.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.questions[0].standardDeviation").value(closeTo(Math.sqrt(1.0 / 3), 1e-9)))
			.andExpect(jsonPath("$.questions[0].discriminationIndex").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.questions[0].discriminativeEfficiency").value(closeTo(1.0, 1e-9)))
			.andExpect(jsonPath("$.questions[0].optionCounts", contains(2, 1, 0)))
			.andExpect(jsonPath("$.questions[0].flags[0].kind").value("UNUSED_DISTRACTOR"))
			.andExpect(jsonPath("$.questions[1].facility").value(closeTo(1.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.questions[1].optionCounts", contains(2, 1, 2)));
	}

	@Test
	void allAttemptsCountsLaterAttemptsToo() throws Exception {
		mvc.perform(get(path()).param("attempts", "all").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attemptsCounted").value("all"))
			.andExpect(jsonPath("$.attempts").value(4))
			.andExpect(jsonPath("$.questions[0].facility").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.questions[0].optionCounts", contains(2, 2, 0)));
		mvc.perform(get(path()).param("attempts", "latest").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void answersAndResultsNameTheirAttemptAsTheXapiRegistration() {
		AttemptResult first = assessment.attemptsOf(fixtures.viewer(org.learnerB()), course.id()).get(0);
		List<Statement> quiz = record.statementsOf(org.learnerB())
			.stream()
			.filter(s -> course.id().value().equals(s.courseId()))
			.filter(s -> List.of(Verb.ANSWERED.iri(), Verb.ATTEMPTED.iri(), Verb.PASSED.iri(), Verb.FAILED.iri())
				.contains(s.verbIri()))
			.toList();
		assertThat(quiz).hasSize(4);
		assertThat(quiz).allSatisfy(s -> assertThat(JSON.readTree(s.json()).path("context").path("registration").asString())
			.isEqualTo(first.attemptId()));
	}

	@Test
	void reviewersAndAdminsSeeItToo() throws Exception {
		PersonId reviewer = fixtures.person(fixtures.admin(), "Rita Reviewer", "rita", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), Role.REVIEWER);
		mvc.perform(get(path()).header("Authorization", bearer(reviewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attempts").value(3));
		mvc.perform(get(path()).header("Authorization", bearer(fixtures.admin().id())))
			.andExpect(status().isOk());
	}

	@Test
	void nobodyElseFindsTheCourse() throws Exception {
		mvc.perform(get(path())).andExpect(status().isUnauthorized());
		// another team's author, and a learner who took the quiz: as if there were no such course
		for (PersonId outsider : List.of(org.managerB(), org.learnerA())) {
			mvc.perform(get(path()).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		mvc.perform(get("/api/v1/courses/not-a-course/item-analysis").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdminChangesTheThresholdsAndTheFlagsFollow() throws Exception {
		String admin = bearer(fixtures.admin().id());
		JsonNode current = JSON.readTree(mvc.perform(get("/api/v1/item-analysis/thresholds").header("Authorization", admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		int revision = current.get("revision").asInt();
		// Q1's facility 2/3 is "too easy" above 0.6
		mvc.perform(put("/api/v1/item-analysis/thresholds").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tooEasy\":0.6,\"tooHard\":0.2,\"weakDiscrimination\":0.25,\"revision\":" + revision + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tooEasy").value(0.6))
			.andExpect(jsonPath("$.revision").value(revision + 1));
		mvc.perform(get(path()).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.questions[0].flags[0].kind").value("TOO_EASY"));
		// the same revision again: someone saved in between
		mvc.perform(put("/api/v1/item-analysis/thresholds").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tooEasy\":0.8,\"tooHard\":0.2,\"weakDiscrimination\":0.25,\"revision\":" + revision + "}"))
			.andExpect(status().isConflict());
		// four attempts before flagging: each question has three, so none is flagged, and the figures stay
		mvc.perform(put("/api/v1/item-analysis/thresholds").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tooEasy\":0.6,\"tooHard\":0.2,\"weakDiscrimination\":0.25,\"minimumAttempts\":4,"
					+ "\"revision\":" + (revision + 1) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minimumAttempts").value(4));
		mvc.perform(get(path()).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.questions[0].facility").value(closeTo(2.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.questions[0].flags", hasSize(0)))
			.andExpect(jsonPath("$.questions[1].flags", hasSize(0)));
	}

	@Test
	void invalidThresholdsAreRefusedWithAnErrorPerField() throws Exception {
		String admin = bearer(fixtures.admin().id());
		int revision = analysis.thresholds().revision();
		mvc.perform(put("/api/v1/item-analysis/thresholds").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tooEasy\":0.3,\"tooHard\":0.5,\"weakDiscrimination\":3,\"minimumAttempts\":0,\"revision\":"
					+ revision + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.tooHard").exists())
			.andExpect(jsonPath("$.errors.weakDiscrimination").exists())
			.andExpect(jsonPath("$.errors.minimumAttempts").exists())
			.andExpect(jsonPath("$.errors.tooEasy").doesNotExist());
		assertThat(analysis.thresholds().revision()).isEqualTo(revision);
		mvc.perform(put("/api/v1/item-analysis/thresholds").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tooEasy\":0.8,\"tooHard\":0.2,\"weakDiscrimination\":0.25,\"revision\":" + revision + "}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theEndpointsAreInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/courses/{id}/item-analysis", "/api/v1/item-analysis/thresholds",
				"discriminativeEfficiency", "cronbachAlpha", "ItemAnalysisQuestionView", "ItemAnalysisThresholdsBody");
	}

	private void take(PersonId learner, int q1Pick, List<Integer> q2Picks) {
		assessment.submit(fixtures.viewer(learner), course.id(),
				List.of(new Answer(q1, List.of(q1Pick)), new Answer(q2, q2Picks)), null);
	}

	private String path() {
		return "/api/v1/courses/" + course.id() + "/item-analysis";
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
