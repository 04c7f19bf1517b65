package io.stride.delivery;

import java.time.LocalDate;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The thin journey through the API, with the refusals a manager or learner meets when they reach beyond
 * their own team or records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LearningApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COURSE = """
			{"title":"Incident reporting","description":"What to do in the first hour.",
			 "lessons":[{"title":"Spot it","markdown":"Report within **1 hour**."},{"title":"Report it","markdown":"Use the form."}],
			 "quiz":{"passMark":50,"questions":[
			   {"kind":"SINGLE_CHOICE","prompt":"Report within?","options":["1 hour","24 hours"],"correct":[0],"explanation":"1 hour."},
			   {"kind":"MULTIPLE_CHOICE","prompt":"Steps?","options":["Stop","Report","Ignore"],"correct":[0,1],"explanation":"Stop, report."}]}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningRecord record;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void managerPublishesAssignsAndSeesTheTeamsProgress() throws Exception {
		String manager = bearer(org.managerA());
		JsonNode created = read(mvc.perform(json(post("/api/v1/courses"), manager, COURSE))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1)));
		String courseId = created.get("id").asString();

		mvc.perform(get("/api/v1/courses/" + courseId).header("Authorization", manager))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.lessons", hasSize(2)))
			.andExpect(jsonPath("$.quiz.questions[1].kind").value("MULTIPLE_CHOICE"));

		mvc.perform(post("/api/v1/courses/" + courseId + "/publish").header("Authorization", manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));

		LocalDate due = LocalDate.now().plusDays(10);
		mvc.perform(json(post("/api/v1/courses/" + courseId + "/assignments"), manager,
				"{\"teamId\":\"" + org.teamA().value() + "\",\"dueDate\":\"" + due + "\"}"))
			.andExpect(status().isCreated());

		// a learner of the sub-team gets it too
		String learner = bearer(org.learnerSubA());
		mvc.perform(get("/api/v1/me/learning").header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].courseId").value(courseId))
			.andExpect(jsonPath("$[0].status").value("NOT_STARTED"))
			.andExpect(jsonPath("$[0].dueDate").value(due.toString()));
		// and team B does not
		mvc.perform(get("/api/v1/me/learning").header("Authorization", bearer(org.learnerB())))
			.andExpect(jsonPath("$", hasSize(0)));

		JsonNode course = read(mvc.perform(get("/api/v1/courses/" + courseId).header("Authorization", learner)));
		String q1 = course.get("quiz").get("questions").get(0).get("id").asString();
		String q2 = course.get("quiz").get("questions").get(1).get("id").asString();

		mvc.perform(json(post("/api/v1/courses/" + courseId + "/attempts"), learner,
				"{\"answers\":[{\"questionId\":\"" + q1 + "\",\"selected\":[0]},{\"questionId\":\"" + q2 + "\",\"selected\":[0,1]}]}")
			.header("Idempotency-Key", "attempt-1"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.score").value(100))
			.andExpect(jsonPath("$.passed").value(true));

		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/progress").header("Authorization", manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.personId == '" + org.learnerSubA().value() + "')].status").value("PASSED"))
			.andExpect(jsonPath("$[?(@.personId == '" + org.learnerSubA().value() + "')].score").value(100))
			.andExpect(jsonPath("$[?(@.personId == '" + org.learnerA().value() + "')].status").value("NOT_STARTED"));
	}

	@Test
	void aRetriedAttemptWithTheSameKeyIsCountedOnce() throws Exception {
		Course course = publishedAndAssigned();
		String learner = bearer(org.learnerA());
		String q1 = course.quiz().questions().get(0).id();
		String body = "{\"answers\":[{\"questionId\":\"" + q1 + "\",\"selected\":[1]}]}";
		String first = read(mvc.perform(json(post("/api/v1/courses/" + course.id() + "/attempts"), learner, body)
			.header("Idempotency-Key", "retry-me"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.score").value(0))
			.andExpect(jsonPath("$.passed").value(false))
			.andExpect(jsonPath("$.results[0].correct").value(false))).get("attemptId").asString();
		mvc.perform(json(post("/api/v1/courses/" + course.id() + "/attempts"), learner, body)
			.header("Idempotency-Key", "retry-me"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.attemptId").value(first));
		List<Statement> attempted = statements(org.learnerA(), Verb.ATTEMPTED);
		assertThat(attempted).hasSize(1);
		mvc.perform(get("/api/v1/me/learning").header("Authorization", learner))
			.andExpect(jsonPath("$[0].status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$[0].bestScore").value(0));
	}

	@Test
	void everyLearnerActionIsAnXapiStatement() throws Exception {
		Course course = publishedAndAssigned();
		var learner = fixtures.viewer(org.learnerA());
		String token = bearer(org.learnerA());
		String answers = "{\"answers\":[{\"questionId\":\"" + course.quiz().questions().get(0).id() + "\",\"selected\":[0]},"
				+ "{\"questionId\":\"" + course.quiz().questions().get(1).id() + "\",\"selected\":[0,1]}]}";
		mvc.perform(json(post("/api/v1/courses/" + course.id() + "/attempts"), token, answers)).andExpect(status().isCreated());
		assertThat(statements(org.learnerA(), Verb.ANSWERED)).hasSize(2);
		assertThat(statements(org.learnerA(), Verb.PASSED)).hasSize(1);
		Statement passed = statements(org.learnerA(), Verb.PASSED).get(0);
		assertThat(passed.courseId()).isEqualTo(course.id().value());
		assertThat(passed.score()).isEqualTo(1.0);
		JsonNode json = JSON.readTree(passed.json());
		assertThat(json.get("actor").get("account").get("name").asString()).isEqualTo(learner.id().value());
		assertThat(json.get("verb").get("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
		assertThat(json.get("object").get("id").asString()).contains("/xapi/activities/assessment/" + course.id());
		assertThat(json.get("result").get("success").asBoolean()).isTrue();
		assertThat(json.get("context").get("contextActivities").get("parent").get(0).get("id").asString())
			.endsWith("/xapi/activities/course/" + course.id());
		assertThat(json.get("timestamp").asString()).isNotBlank();
		assertThat(json.get("id").asString()).isEqualTo(passed.id());
	}

	@Test
	void managerOfAnotherTeamGetsNotFoundForProgressAndAssignments() throws Exception {
		Course course = publishedAndAssigned();
		String managerB = bearer(org.managerB());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/progress").header("Authorization", managerB))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/" + org.subTeamA().value() + "/progress").header("Authorization", managerB))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/courses/" + course.id() + "/assignments"), managerB,
				"{\"teamId\":\"" + org.teamA().value() + "\",\"dueDate\":\"" + LocalDate.now().plusDays(3) + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/progress").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		// manager A sees the sub-team; the admin sees everything
		mvc.perform(get("/api/v1/teams/" + org.subTeamA().value() + "/progress").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/teams/" + org.teamB().value() + "/progress")
			.header("Authorization", "Bearer " + fixtures.token(fixtures.admin().id())))
			.andExpect(status().isOk());
	}

	@Test
	void draftsAreInvisibleToOthersAndOnlyTheAuthorPublishes() throws Exception {
		String author = bearer(org.managerA());
		String courseId = read(mvc.perform(json(post("/api/v1/courses"), author, COURSE))).get("id").asString();
		mvc.perform(get("/api/v1/courses/" + courseId).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/courses/" + courseId + "/publish").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/courses/" + courseId + "/assignments"), author,
				"{\"teamId\":\"" + org.teamA().value() + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/courses/" + courseId + "/attempts"), bearer(org.learnerA()), "{\"answers\":[]}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void invalidCoursesAndAnswersAreRefusedWithReasons() throws Exception {
		String author = bearer(org.managerA());
		mvc.perform(json(post("/api/v1/courses"), author,
				"{\"title\":\"\",\"lessons\":[{\"title\":\"L\",\"markdown\":\"x\"}],\"quiz\":{\"passMark\":120,\"questions\":"
						+ "[{\"kind\":\"SINGLE_CHOICE\",\"prompt\":\"Q\",\"options\":[\"a\",\"b\"],\"correct\":[0,1]}]}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists())
			.andExpect(jsonPath("$.errors.passMark").exists())
			.andExpect(jsonPath("$.errors['questions[0].correct']", containsString("exactly one")));
		mvc.perform(json(post("/api/v1/courses"), author, "{\"title\":\"" + "x".repeat(201) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title", containsString("at most 200")));
		Course course = publishedAndAssigned();
		mvc.perform(json(post("/api/v1/courses/" + course.id() + "/attempts"), bearer(org.learnerA()),
				"{\"answers\":[{\"questionId\":\"someone-elses-question\",\"selected\":[0]}]}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(json(post("/api/v1/courses/" + course.id() + "/attempts"), bearer(org.learnerA()),
				"{\"answers\":[{\"questionId\":\"" + course.quiz().questions().get(0).id() + "\",\"selected\":[0,1]}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Choose one option")));
		mvc.perform(json(post("/api/v1/courses/" + course.id() + "/assignments"), author,
				"{\"teamId\":\"" + org.teamA().value() + "\",\"dueDate\":\"2001-01-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueDate", containsString("past")));
	}

	@Test
	void aStaleRevisionIsAConflictAndOverwritesNothing() throws Exception {
		String author = bearer(org.managerA());
		JsonNode created = read(mvc.perform(json(post("/api/v1/courses"), author, COURSE)));
		String id = created.get("id").asString();
		int revision = created.get("revision").asInt();
		String first = COURSE.replace("Incident reporting", "Saved by tab one").replaceFirst("\\{", "{\"revision\":" + revision + ",");
		String second = COURSE.replace("Incident reporting", "Saved by tab two").replaceFirst("\\{", "{\"revision\":" + revision + ",");
		mvc.perform(json(put("/api/v1/courses/" + id), author, first)).andExpect(status().isOk());
		mvc.perform(json(put("/api/v1/courses/" + id), author, second))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("were not saved")));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author))
			.andExpect(jsonPath("$.title").value("Saved by tab one"));
	}

	@Test
	void learnersSeeQuestionsButNotTheAnswers() throws Exception {
		Course course = publishedAndAssigned();
		mvc.perform(get("/api/v1/courses/" + course.id()).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quiz.questions[0].prompt").exists())
			.andExpect(jsonPath("$.quiz.questions[0].correct").doesNotExist())
			.andExpect(jsonPath("$.quiz.questions[0].explanation").doesNotExist());
		mvc.perform(get("/api/v1/courses/" + course.id()).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.quiz.questions[0].correct[0]").value(0));
	}

	@Test
	void anIdempotencyKeyBelongsToOneCourse() throws Exception {
		Course first = publishedAndAssigned();
		Course second = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Second " + org.suffix());
		String learner = bearer(org.learnerA());
		mvc.perform(json(post("/api/v1/courses/" + first.id() + "/attempts"), learner, "{\"answers\":[]}")
			.header("Idempotency-Key", "same-key"))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/courses/" + second.id() + "/attempts"), learner, "{\"answers\":[]}")
			.header("Idempotency-Key", "same-key"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("another course")));
	}

	@Test
	void aScoreJustUnderThePassMarkDoesNotPassEvenWhenRoundedUp() throws Exception {
		String manager = bearer(org.managerA());
		String three = """
				{"title":"Three questions","lessons":[{"title":"L","markdown":"x"}],"quiz":{"passMark":67,"questions":[
				 {"kind":"TRUE_FALSE","prompt":"A","options":["True","False"],"correct":[0]},
				 {"kind":"TRUE_FALSE","prompt":"B","options":["True","False"],"correct":[0]},
				 {"kind":"TRUE_FALSE","prompt":"C","options":["True","False"],"correct":[0]}]}}
				""";
		String id = read(mvc.perform(json(post("/api/v1/courses"), manager, three))).get("id").asString();
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", manager)).andExpect(status().isOk());
		JsonNode course = read(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", manager)));
		String a = course.get("quiz").get("questions").get(0).get("id").asString();
		String b = course.get("quiz").get("questions").get(1).get("id").asString();
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), bearer(org.learnerA()),
				"{\"answers\":[{\"questionId\":\"" + a + "\",\"selected\":[0]},{\"questionId\":\"" + b + "\",\"selected\":[0]}]}"))
			.andExpect(jsonPath("$.score").value(67))
			.andExpect(jsonPath("$.passed").value(false));
	}

	@Test
	void orderingQuestionsNeedTheExactOrder() throws Exception {
		String manager = bearer(org.managerA());
		String body = """
				{"title":"Steps","lessons":[{"title":"L","markdown":"x"}],"quiz":{"passMark":100,"questions":[
				 {"kind":"ORDERING","prompt":"Order the steps","options":["Stop","Report","Wait"],"correct":[1,0,2]}]}}
				""";
		String id = read(mvc.perform(json(post("/api/v1/courses"), manager, body)).andExpect(status().isCreated())).get("id").asString();
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", manager)).andExpect(status().isOk());
		JsonNode course = read(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", manager)));
		assertThat(course.get("quiz").get("questions").get(0).get("correct").toString()).isEqualTo("[1,0,2]");
		String q = course.get("quiz").get("questions").get(0).get("id").asString();
		String learner = bearer(org.learnerA());
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner,
				"{\"answers\":[{\"questionId\":\"" + q + "\",\"selected\":[0,1,2]}]}"))
			.andExpect(jsonPath("$.passed").value(false));
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner,
				"{\"answers\":[{\"questionId\":\"" + q + "\",\"selected\":[1,0,2]}]}"))
			.andExpect(jsonPath("$.passed").value(true));
		mvc.perform(json(post("/api/v1/courses"), manager, body.replace("\"correct\":[1,0,2]", "\"correct\":[1,1,2]")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['questions[0].correct']", containsString("exactly once")));
	}

	@Test
	void brokenJsonPartsAreRefusedNotCrashed() throws Exception {
		mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()),
				"{\"title\":\"T\",\"lessons\":[null],\"quiz\":{\"questions\":[{\"kind\":\"SINGLE_CHOICE\",\"prompt\":\"Q\",\"options\":[null,\"b\"],\"correct\":[null]}]}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['questions[0].options']").exists());
	}

	private Course publishedAndAssigned() {
		var manager = fixtures.viewer(org.managerA());
		Course course = fixtures.publishedCourse(manager, "Course " + org.suffix());
		mvcAssign(course);
		return course;
	}

	private void mvcAssign(Course course) {
		try {
			mvc.perform(json(post("/api/v1/courses/" + course.id() + "/assignments"), bearer(org.managerA()),
					"{\"teamId\":\"" + org.teamA().value() + "\",\"dueDate\":\"" + LocalDate.now().plusDays(5) + "\"}"))
				.andExpect(status().isCreated());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private List<Statement> statements(PersonId person, Verb verb) {
		return record.statementsOf(person).stream().filter(s -> s.verbIri().equals(verb.iri())).toList();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String bearer, String body) {
		return request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
