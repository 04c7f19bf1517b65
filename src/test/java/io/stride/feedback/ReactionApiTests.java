package io.stride.feedback;

import java.time.Duration;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.notification.Notifications;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reactions through the API: every learner who may take a course reacts once per lesson and can change it; "unclear"
 * and "outdated" reach the author as improvement requests, which only the author and admins see and answer.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReactionApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	LearningRecord record;

	@Autowired
	Notifications notifications;

	Org org;

	Course course;

	String lesson1;

	String lesson2;

	@BeforeEach
	void courseByManagerA() {
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Reactions " + org.suffix());
		lesson1 = course.lessons().get(0).id();
		lesson2 = course.lessons().get(1).id();
	}

	@Test
	void aLearnerHasOneReactionPerLessonAndCanChangeIt() throws Exception {
		react(org.learnerA(), lesson1, "HELPFUL", null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("HELPFUL"))
			.andExpect(jsonPath("$.improvementRequestId").value(nullValue()));
		react(org.learnerA(), lesson1, "unclear", "  What does “report” mean here?  ").andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("UNCLEAR"))
			.andExpect(jsonPath("$.comment").value("What does “report” mean here?"))
			.andExpect(jsonPath("$.improvementRequestId").isNotEmpty());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/reactions/mine").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].lessonId").value(lesson1))
			.andExpect(jsonPath("$[0].kind").value("UNCLEAR"));
		// another learner's reaction is theirs alone
		mvc.perform(get("/api/v1/courses/" + course.id() + "/reactions/mine").header("Authorization", bearer(org.learnerB())))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void reactionsAreXapiCommentedStatementsAndADoubleSubmitRecordsOne() throws Exception {
		react(org.learnerA(), lesson2, "OUTDATED", "The form moved to the intranet.").andExpect(status().isCreated());
		react(org.learnerA(), lesson2, "OUTDATED", "The form moved to the intranet.").andExpect(status().isCreated());
		List<Statement> commented = record.statementsOf(org.learnerA())
			.stream()
			.filter(s -> s.verbIri().equals("http://adlnet.gov/expapi/verbs/commented"))
			.toList();
		assertThat(commented).hasSize(1);
		JsonNode statement = JSON.readTree(commented.get(0).json());
		assertThat(statement.get("verb").get("id").asString()).isEqualTo(Verb.COMMENTED.iri());
		assertThat(statement.get("object").get("id").asString()).endsWith("/xapi/activities/lesson/" + lesson2);
		assertThat(statement.get("result").get("response").asString()).isEqualTo("outdated: The form moved to the intranet.");
		assertThat(statement.get("context").get("contextActivities").get("parent").get(0).get("id").asString())
			.endsWith("/xapi/activities/course/" + course.id());
	}

	@Test
	void unclearReachesTheAuthorWhoAnswersAndTheLearnerIsTold() throws Exception {
		String requestId = read(react(org.learnerSubA(), lesson1, "UNCLEAR", "Which form?").andExpect(status().isCreated()))
			.get("improvementRequestId")
			.asString();
		String author = bearer(org.managerA());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(requestId))
			.andExpect(jsonPath("$[0].lessonId").value(lesson1))
			.andExpect(jsonPath("$[0].lessonTitle").value("Spot it"))
			.andExpect(jsonPath("$[0].kind").value("UNCLEAR"))
			.andExpect(jsonPath("$[0].comment").value("Which form?"))
			.andExpect(jsonPath("$[0].status").value("OPEN"))
			// authors see what was said, not who said it
			.andExpect(jsonPath("$[0].personId").doesNotExist())
			.andExpect(jsonPath("$[0].learnerId").doesNotExist());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(subjects(org.managerA())).anyMatch(s -> s.contains("\"Spot it\" unclear")));

		mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), author,
				"{\"reply\":\"The incident form on the intranet; I added a link.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.reply").value("The incident form on the intranet; I added a link."))
			.andExpect(jsonPath("$.courseTitle").value(course.title()));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var page = notifications.page(fixtures.viewer(org.learnerSubA()), 1);
			assertThat(page.items()).anyMatch(n -> n.subject().contains("Spot it")
					&& "The incident form on the intranet; I added a link.".equals(n.body())
					&& n.link().equals("/learning/courses/" + course.id() + "/lessons/" + lesson1 + "#reaction"));
		});
		mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), author, "{\"reply\":\"Again\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already answered")));
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests?status=OPEN").header("Authorization", author))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void onlyTheAuthorAndAdminsSeeAndAnswerRequests() throws Exception {
		String requestId = read(react(org.learnerA(), lesson1, "OUTDATED", null)).get("improvementRequestId").asString();
		for (PersonId outsider : List.of(org.learnerA(), org.managerB(), org.learnerB())) {
			mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests").header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/courses/" + course.id() + "/reaction-score").header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), bearer(outsider), "{\"reply\":\"x\"}"))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/me/improvement-requests").header("Authorization", bearer(outsider)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == '" + requestId + "')]", hasSize(0)));
		}
		String admin = "Bearer " + fixtures.token(fixtures.admin().id());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(requestId));
		mvc.perform(get("/api/v1/me/improvement-requests?status=OPEN").header("Authorization", admin))
			.andExpect(jsonPath("$[?(@.id == '" + requestId + "')]", hasSize(1)));
		mvc.perform(get("/api/v1/me/improvement-requests").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[?(@.id == '" + requestId + "')].courseTitle").value(course.title()));
		mvc.perform(json(post("/api/v1/improvement-requests/not-a-request/resolve"), bearer(org.managerA()), "{\"reply\":\"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), admin, "{\"reply\":\"Fixed in version 2.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"));
	}

	@Test
	void aReplyIsRequiredAndLimited() throws Exception {
		String requestId = read(react(org.learnerA(), lesson1, "UNCLEAR", null)).get("improvementRequestId").asString();
		String author = bearer(org.managerA());
		mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), author, "{\"reply\":\"   \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reply").exists());
		mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), author, "{}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(json(post("/api/v1/improvement-requests/" + requestId + "/resolve"), author,
				"{\"reply\":\"" + "x".repeat(2001) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reply", containsString("2000")));
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests").header("Authorization", author))
			.andExpect(jsonPath("$[0].status").value("OPEN"));
	}

	@Test
	void changingTheReactionChangesOrWithdrawsTheOpenRequest() throws Exception {
		String first = read(react(org.learnerA(), lesson1, "UNCLEAR", "a")).get("improvementRequestId").asString();
		String second = read(react(org.learnerA(), lesson1, "OUTDATED", "b")).get("improvementRequestId").asString();
		assertThat(second).isEqualTo(first);
		String author = bearer(org.managerA());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests").header("Authorization", author))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].kind").value("OUTDATED"))
			.andExpect(jsonPath("$[0].comment").value("b"));
		react(org.learnerA(), lesson1, "HELPFUL", "Clear now").andExpect(status().isCreated());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests").header("Authorization", author))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("WITHDRAWN"));
		mvc.perform(json(post("/api/v1/improvement-requests/" + first + "/resolve"), author, "{\"reply\":\"Thanks\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("helpful")));
		// unclear again after that is a new request
		String third = read(react(org.learnerA(), lesson1, "UNCLEAR", "Lost again")).get("improvementRequestId").asString();
		assertThat(third).isNotEqualTo(first);
	}

	@Test
	void refusalsForCoursesTheLearnerCannotTakeAndForBadInput() throws Exception {
		react(org.learnerA(), lesson1, "SHRUG", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").exists());
		react(org.learnerA(), null, "HELPFUL", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lessonId").exists());
		react(org.learnerA(), "no-such-lesson", "HELPFUL", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lessonId").exists());
		Course other = fixtures.publishedCourse(fixtures.viewer(org.managerB()), "Other " + org.suffix());
		react(org.learnerA(), other.lessons().get(0).id(), "HELPFUL", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lessonId").exists());
		react(org.learnerA(), lesson1, "UNCLEAR", "x".repeat(1001)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.comment", containsString("1000")));
		react(org.learnerA(), lesson1, "UNCLEAR", "x".repeat(1000)).andExpect(status().isCreated());

		// a draft nobody may take, a course that does not exist, a retired course the learner never started
		Course draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Draft " + org.suffix()));
		mvc.perform(json(post("/api/v1/courses/" + draft.id() + "/reactions"), bearer(org.learnerA()),
				"{\"lessonId\":\"" + draft.lessons().get(0).id() + "\",\"kind\":\"HELPFUL\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/courses/00000000-0000-0000-0000-000000000000/reactions"), bearer(org.learnerA()),
				"{\"lessonId\":\"x\",\"kind\":\"HELPFUL\"}"))
			.andExpect(status().isNotFound());
		authoring.retire(fixtures.viewer(org.managerA()), course.id());
		react(org.learnerB(), lesson1, "HELPFUL", null).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/reactions/mine").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/improvement-requests?status=MAYBE")
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void theReactionScoreCountsEveryLearnersCurrentReaction() throws Exception {
		String author = bearer(org.managerA());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/reaction-score").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reactionScore").value(nullValue()))
			.andExpect(jsonPath("$.reactions").value(0));
		// lesson 1: helpful, helpful, unclear; lesson 2: outdated, helpful (learner A changed unclear to helpful)
		react(org.learnerA(), lesson1, "HELPFUL", null);
		react(org.learnerSubA(), lesson1, "HELPFUL", null);
		react(org.learnerB(), lesson1, "UNCLEAR", null);
		react(org.learnerB(), lesson2, "OUTDATED", null);
		react(org.learnerA(), lesson2, "UNCLEAR", null);
		react(org.learnerA(), lesson2, "HELPFUL", null);
		// (3 − 1 − 1) / 5 × 100 = 20; lesson 1: (2 − 1) / 3 × 100 = 33.3 → 33; lesson 2: (1 − 1) / 2 = 0
		mvc.perform(get("/api/v1/courses/" + course.id() + "/reaction-score").header("Authorization", author))
			.andExpect(jsonPath("$.reactionScore").value(20))
			.andExpect(jsonPath("$.helpful").value(3))
			.andExpect(jsonPath("$.unclear").value(1))
			.andExpect(jsonPath("$.outdated").value(1))
			.andExpect(jsonPath("$.reactions").value(5))
			.andExpect(jsonPath("$.openRequests").value(2))
			.andExpect(jsonPath("$.lessons[0].reactionScore").value(33))
			.andExpect(jsonPath("$.lessons[1].reactionScore").value(0));
	}

	@Test
	void theEndpointsAreInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/courses/{id}/reactions", "/api/v1/courses/{id}/improvement-requests",
				"/api/v1/improvement-requests/{id}/resolve", "/api/v1/courses/{id}/reaction-score",
				"/api/v1/me/improvement-requests", "/api/v1/courses/{id}/certificate", "/api/v1/certificates/{verificationId}",
				"/api/v1/courses/{id}/progress", "/api/v1/courses/{id}/lessons/{lessonId}/read");
	}

	private List<String> subjects(PersonId person) {
		return notifications.page(fixtures.viewer(person), 1).items().stream().map(Notifications.Notification::subject).toList();
	}

	private ResultActions react(PersonId learner, String lessonId, String kind, String comment) throws Exception {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("lessonId", lessonId);
		fields.put("kind", kind);
		fields.put("comment", comment);
		String body = JSON.writeValueAsString(fields);
		return mvc.perform(json(post("/api/v1/courses/" + course.id() + "/reactions"), bearer(learner), body));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String bearer, String body) {
		return request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
