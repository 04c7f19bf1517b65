package io.stride.mastery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.practice.Feeling;
import io.stride.practice.Practice;
import io.stride.practice.ReviewCard;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mastery through the API: criteria of the nearest team up the tree, the organization default as a floor, who may
 * sign off and withdraw, the evidence shown, and every refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class MasteryApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	Practice practice;

	@Autowired
	LearningRecord record;

	@Autowired
	MovableClock clock;

	Org org;

	Course course;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Executive business reviews " + org.suffix());
	}

	@Test
	void theOrganizationDefaultDecidesWhenATeamSetsNothing() throws Exception {
		take(org.learnerA(), 1); // 50%: passes the course's own pass mark of 50, not the default of 80
		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].courseId").value(course.id().value()))
			.andExpect(jsonPath("$[0].mastered").value(false))
			.andExpect(jsonPath("$[0].evidence[0].criterion").value("QUIZ_SCORE"))
			.andExpect(jsonPath("$[0].evidence[0].met").value(false))
			.andExpect(jsonPath("$[0].evidence[0].description").value("Best score 50% < 80% (pass mark of the organization default)"));
		assertThat(mastered(org.learnerA())).isZero();

		take(org.learnerA(), 2);
		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$[0].mastered").value(true))
			.andExpect(jsonPath("$[0].masteredAt").isString())
			.andExpect(jsonPath("$[0].evidence[0].description").value("Best score 100% ≥ 80% (pass mark of the organization default)"));
		take(org.learnerA(), 2);
		assertThat(mastered(org.learnerA())).as("one mastered statement, however often it is met again").isEqualTo(1);
	}

	@Test
	void theNearestTeamsCriteriaApplyAndReplaceThoseAbove() throws Exception {
		putCriteria(org.teamA(), org.managerA(), "{\"passMark\":90}").andExpect(status().isOk());
		String task = addTask(org.teamA(), org.managerA(), "Runs an executive business review without escalation");
		take(org.learnerA(), 2);
		take(org.learnerSubA(), 2);

		// the sub-team has no criteria of its own: team A's apply to its learner too
		mvc.perform(get(mastery(org.learnerSubA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].mastered").value(false))
			.andExpect(jsonPath("$[0].evidence[0].description").value("Best score 100% ≥ 90% (pass mark of Team A " + org.suffix() + ")"))
			.andExpect(jsonPath("$[0].evidence[1].criterion").value("OBSERVED_TASK"))
			.andExpect(jsonPath("$[0].evidence[1].taskId").value(task))
			.andExpect(jsonPath("$[0].evidence[1].met").value(false));

		// now the sub-team sets its own: only a higher pass mark, no checklist
		putCriteria(org.subTeamA(), org.managerA(), "{\"passMark\":95}").andExpect(status().isOk());
		mvc.perform(get(mastery(org.learnerSubA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].mastered").value(true))
			.andExpect(jsonPath("$[0].evidence", hasSize(1)))
			.andExpect(jsonPath("$[0].evidence[0].description").value("Best score 100% ≥ 95% (pass mark of Team A1 " + org.suffix() + ")"));
		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].mastered").value(false));
		assertThat(mastered(org.learnerSubA())).as("recorded when the sub-team's criteria were saved").isEqualTo(1);

		// a sign-off of team A's task does not apply to the sub-team's learner any more
		signOff(task, org.managerA(), org.learnerSubA(), "Ran the Q3 review.")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.taskId").value(containsString("not on the checklist")));

		// removing the sub-team's criteria brings team A's back
		mvc.perform(delete(criteria(org.subTeamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get(mastery(org.learnerSubA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].mastered").value(false));
	}

	@Test
	void aLocalPassMarkIsNeverBelowTheOrganizationDefault() throws Exception {
		putCriteria(org.teamA(), org.managerA(), "{\"passMark\":70}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.passMark").value("The pass mark can't be lower than the organization's default of 80%."));
		putCriteria(org.teamA(), org.managerA(), "{\"passMark\":101}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.passMark").isString());
		putCriteria(org.teamA(), org.managerA(), "{\"successfulReviews\":21}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.successfulReviews").isString());
		putCriteria(org.teamA(), org.managerA(), "{\"experts\":[\"" + Ids.newId() + "\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.experts").isString());
		mvc.perform(get(criteria(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		putCriteria(org.teamA(), org.managerA(), "{\"passMark\":80}").andExpect(status().isOk());
	}

	@Test
	void criteriaAreOnlyForManagersOfTheTeamAndGuardAgainstLostUpdates() throws Exception {
		putCriteria(org.teamA(), org.managerB(), "{\"passMark\":90}").andExpect(status().isNotFound());
		putCriteria(org.teamA(), org.learnerA(), "{\"passMark\":90}").andExpect(status().isNotFound());
		mvc.perform(json(put("/api/v1/teams/" + org.teamA().value() + "/courses/" + Ids.newId() + "/mastery-criteria"),
				org.managerA(), "{\"passMark\":90}"))
			.andExpect(status().isNotFound());
		// a manager of the team above may set criteria for the sub-team
		putCriteria(org.subTeamA(), org.managerA(), "{\"passMark\":85}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1));
		putCriteria(org.subTeamA(), org.managerA(), "{\"passMark\":90,\"revision\":1}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passMark").value(90))
			.andExpect(jsonPath("$.revision").value(2));
		putCriteria(org.subTeamA(), org.managerA(), "{\"passMark\":95,\"revision\":1}").andExpect(status().isConflict());
		putCriteria(org.subTeamA(), org.managerA(), "{\"passMark\":95}").andExpect(status().isConflict());
		mvc.perform(get(criteria(org.subTeamA())).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(delete(criteria(org.subTeamA())).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get(criteria(org.subTeamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passMark").value(90));
	}

	@Test
	void checklistTasksAreAddedAndRemovedByManagersOfTheTeam() throws Exception {
		mvc.perform(json(post(tasks(org.teamA())), org.managerB(), "{\"title\":\"Runs a QBR\"}")).andExpect(status().isNotFound());
		mvc.perform(json(post(tasks(org.teamA())), org.learnerA(), "{\"title\":\"Runs a QBR\"}")).andExpect(status().isNotFound());
		mvc.perform(json(post(tasks(org.teamA())), org.managerA(), "{\"title\":\" x \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").isString());
		mvc.perform(json(post(tasks(org.teamA())), org.managerA(), "{\"title\":\"" + "x".repeat(301) + "\"}"))
			.andExpect(status().isUnprocessableContent());
		String task = addTask(org.teamA(), org.managerA(), "Runs a QBR");
		mvc.perform(get(criteria(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.tasks[0].title").value("Runs a QBR"))
			.andExpect(jsonPath("$.passMark").doesNotExist());
		mvc.perform(delete("/api/v1/checklist-tasks/" + task).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/checklist-tasks/" + task).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get(criteria(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.tasks", hasSize(0)));
	}

	@Test
	void aManagerOfTheLearnerOrANamedExpertSignsOffAndNobodyElse() throws Exception {
		PersonId expert = org.learnerB(); // from another team, named for team A's checklist
		putCriteria(org.teamA(), org.managerA(), "{\"experts\":[\"" + expert.value() + "\",\"" + org.learnerA().value() + "\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.experts", hasSize(2)));
		String task = addTask(org.teamA(), org.managerA(), "Handles an escalation call");

		signOff(task, org.managerB(), org.learnerA(), "Watched it.").andExpect(status().isNotFound());
		signOff(task, org.learnerSubA(), org.learnerA(), "Watched it.").andExpect(status().isNotFound());
		signOff(task, org.learnerA(), org.learnerA(), "I did it.")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("your own task")));
		signOff(task, fixtures.admin().id(), org.learnerA(), "Watched it.")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Only a manager")));
		signOff(task, org.managerA(), org.learnerB(), "Not in the team.").andExpect(status().isNotFound());
		signOff("not-a-task", org.managerA(), org.learnerA(), "Watched it.").andExpect(status().isNotFound());

		String date = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
		JsonNode byManager = read(mvc.perform(json(post("/api/v1/checklist-tasks/" + task + "/sign-offs"), org.managerA(),
				"{\"personId\":\"" + org.learnerA().value() + "\",\"observedOn\":\"" + date + "\",\"note\":\"Calm and clear.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.signerName").value("Manager A")));
		// watching it again on the same day is a second click; a later day would renew the sign-off
		mvc.perform(json(post("/api/v1/checklist-tasks/" + task + "/sign-offs"), expert,
				"{\"personId\":\"" + org.learnerA().value() + "\",\"observedOn\":\"" + date + "\",\"note\":\"Again.\"}"))
			.andExpect(status().isConflict());
		signOff(task, expert, org.learnerSubA(), "Handled the Acme call.").andExpect(status().isCreated());

		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].evidence[1].met").value(true))
			.andExpect(jsonPath("$[0].evidence[1].signedOffBy").value("Manager A"))
			.andExpect(jsonPath("$[0].evidence[1].observedOn").value(date))
			.andExpect(jsonPath("$[0].evidence[1].description")
				.value("“Handles an escalation call” signed off by Manager A on " + date + ": Calm and clear."));

		String signOffId = byManager.get("id").asString();
		mvc.perform(delete("/api/v1/sign-offs/" + signOffId).header("Authorization", bearer(expert)))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/sign-offs/" + signOffId).header("Authorization", bearer(fixtures.admin().id())))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/sign-offs/" + signOffId).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/sign-offs/" + signOffId).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].evidence[1].met").value(false));
	}

	@Test
	void signOffsNeedADayThatHasBeenAndANote() throws Exception {
		String task = addTask(org.teamA(), org.managerA(), "Runs a renewal call");
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		mvc.perform(json(post("/api/v1/checklist-tasks/" + task + "/sign-offs"), org.managerA(),
				"{\"personId\":\"" + org.learnerA().value() + "\",\"observedOn\":\"" + tomorrow + "\",\"note\":\"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.observedOn").isString())
			.andExpect(jsonPath("$.errors.note").isString());
		mvc.perform(json(post("/api/v1/checklist-tasks/" + task + "/sign-offs"), org.managerA(), "{\"note\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.personId").isString());
	}

	@Test
	void masteryIsShownToThePersonTheirManagersAndAdminsOnly() throws Exception {
		take(org.learnerSubA(), 2);
		String url = mastery(org.learnerSubA());
		for (PersonId allowed : List.of(org.learnerSubA(), org.managerA(), fixtures.admin().id())) {
			mvc.perform(get(url).header("Authorization", bearer(allowed)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].mastered").value(true));
		}
		for (PersonId refused : List.of(org.managerB(), org.learnerA(), org.learnerB())) {
			mvc.perform(get(url).header("Authorization", bearer(refused))).andExpect(status().isNotFound());
		}
		mvc.perform(get(mastery(new PersonId(Ids.newId()))).header("Authorization", bearer(fixtures.admin().id())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theTeamViewIsForManagersAndNamedExperts() throws Exception {
		putCriteria(org.teamA(), org.managerA(), "{\"passMark\":90,\"experts\":[\"" + org.learnerB().value() + "\"]}")
			.andExpect(status().isOk());
		take(org.learnerA(), 2);
		String url = "/api/v1/teams/" + org.teamA().value() + "/courses/" + course.id().value() + "/mastery";
		mvc.perform(get(url).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationPassMark").value(80))
			.andExpect(jsonPath("$.criteria.passMark").value(90))
			.andExpect(jsonPath("$.members", hasSize(3)))
			.andExpect(jsonPath("$.members[?(@.personId == '" + org.learnerA().value() + "')].mastered").value(true));
		mvc.perform(get(url).header("Authorization", bearer(org.learnerB()))).andExpect(status().isOk());
		mvc.perform(get(url).header("Authorization", bearer(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get(url).header("Authorization", bearer(org.learnerA()))).andExpect(status().isNotFound());
		// the sub-team shows where its criteria come from
		mvc.perform(get("/api/v1/teams/" + org.subTeamA().value() + "/courses/" + course.id().value() + "/mastery")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.criteria").doesNotExist())
			.andExpect(jsonPath("$.inherited.teamId").value(org.teamA().value()));
	}

	@Test
	void successfulSpacedReviewsCountTowardsMastery() throws Exception {
		putCriteria(org.teamA(), org.managerA(), "{\"successfulReviews\":2}").andExpect(status().isOk());
		take(org.learnerA(), 2);
		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$[0].mastered").value(false))
			.andExpect(jsonPath("$[0].evidence[1].criterion").value("SPACED_REVIEWS"))
			.andExpect(jsonPath("$[0].evidence[1].description").value("0 of 2 required spaced reviews successful (set by Team A "
					+ org.suffix() + ")"));

		clock.advance(Duration.ofDays(3));
		Viewer learner = fixtures.viewer(org.learnerA());
		for (int i = 0; i < 2; i++) {
			ReviewCard card = practice.queue(learner).next();
			practice.answer(learner, card.cardId(), card.reviewNumber(), card.question().correct(), Feeling.AS_EXPECTED);
		}
		mvc.perform(get(mastery(org.learnerA())).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$[0].mastered").value(true))
			.andExpect(jsonPath("$[0].evidence[1].description").value("2 of 2 required spaced reviews successful (set by Team A "
					+ org.suffix() + ")"));
		assertThat(mastered(org.learnerA())).isEqualTo(1);
	}

	@Test
	void onlyAdminsChangeTheOrganizationDefault() throws Exception {
		JsonNode current = read(mvc.perform(get("/api/v1/mastery/default").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passMark").value(80)));
		int revision = current.get("revision").asInt();
		mvc.perform(json(put("/api/v1/mastery/default"), org.managerA(), "{\"passMark\":90,\"revision\":" + revision + "}"))
			.andExpect(status().isForbidden());
		PersonId admin = fixtures.admin().id();
		mvc.perform(json(put("/api/v1/mastery/default"), admin, "{\"passMark\":0,\"revision\":" + revision + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.passMark").isString());
		mvc.perform(json(put("/api/v1/mastery/default"), admin, "{\"passMark\":90}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").isString());
		mvc.perform(json(put("/api/v1/mastery/default"), admin, "{\"passMark\":90,\"revision\":" + (revision + 5) + "}"))
			.andExpect(status().isConflict());

		take(org.learnerA(), 2);
		assertThat(mastered(org.learnerA())).isEqualTo(1);
		// a learner at 100% keeps mastery when the default rises to 100; one at 50% reaches it when it falls to 50
		take(org.learnerSubA(), 1);
		try {
			mvc.perform(json(put("/api/v1/mastery/default"), admin, "{\"passMark\":50,\"revision\":" + revision + "}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.revision").value(revision + 1));
			assertThat(mastered(org.learnerSubA())).isEqualTo(1);
		}
		finally {
			mvc.perform(json(put("/api/v1/mastery/default"), admin, "{\"passMark\":80,\"revision\":" + (revision + 1) + "}"))
				.andExpect(status().isOk());
		}
		mvc.perform(get(mastery(org.learnerSubA())).header("Authorization", bearer(org.learnerSubA())))
			.andExpect(jsonPath("$[0].mastered").value(false));
	}

	private void take(PersonId learner, int right) {
		Viewer viewer = fixtures.viewer(learner);
		List<Answer> answers = new ArrayList<>();
		List<Question> questions = course.quiz().questions();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			answers.add(new Answer(q.id(), i < right ? q.correct() : List.of()));
		}
		assessment.submit(viewer, course.id(), answers, Ids.newId());
	}

	private long mastered(PersonId learner) {
		return record.statementsOf(learner)
			.stream()
			.filter(s -> s.verbIri().equals(Verb.MASTERED.iri()) && course.id().value().equals(s.courseId()))
			.count();
	}

	private ResultActions putCriteria(TeamId team, PersonId who, String body) throws Exception {
		return mvc.perform(json(put(criteria(team)), who, body));
	}

	private String addTask(TeamId team, PersonId who, String title) throws Exception {
		return read(mvc.perform(json(post(tasks(team)), who, "{\"title\":\"" + title + "\"}")).andExpect(status().isCreated()))
			.get("id")
			.asString();
	}

	private ResultActions signOff(String task, PersonId who, PersonId learner, String note) throws Exception {
		return mvc.perform(json(post("/api/v1/checklist-tasks/" + task + "/sign-offs"), who,
				"{\"personId\":\"" + learner.value() + "\",\"note\":\"" + note + "\"}"));
	}

	private String criteria(TeamId team) {
		return "/api/v1/teams/" + team.value() + "/courses/" + course.id().value() + "/mastery-criteria";
	}

	private String tasks(TeamId team) {
		return "/api/v1/teams/" + team.value() + "/courses/" + course.id().value() + "/checklist-tasks";
	}

	private static String mastery(PersonId person) {
		return "/api/v1/people/" + person.value() + "/mastery";
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, PersonId who, String body) {
		return request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
