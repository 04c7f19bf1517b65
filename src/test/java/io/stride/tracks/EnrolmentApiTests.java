package io.stride.tracks;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Enrolments through the API: each endpoint's success and its refusals (401, 403, 404, 409, 422 at the field). */
@SpringBootTest
@AutoConfigureMockMvc
class EnrolmentApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	Org org;

	EnrolmentFixtures tracks;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
	}

	@Test
	void aLearnerEnrolsInAnOpenTrackAtOnceAndSeesWhatOpensWhen() throws Exception {
		TrackId track = tracks.track("Onboarding " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String second = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		tracks.pacing(second, PacingRule.AFTER_PREVIOUS, 3, null);

		String id = enrol(track, bearer(org.learnerA()), "{}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andReturn().getResponse().getContentAsString();
		id = json.readTree(id).get("id").asString();

		mvc.perform(get("/api/v1/enrolments/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teamId").value(org.teamA().value()))
			.andExpect(jsonPath("$.steps[0].id").value(first))
			.andExpect(jsonPath("$.steps[0].state").value("OPEN"))
			.andExpect(jsonPath("$.steps[1].state").value("WAITING"))
			.andExpect(jsonPath("$.steps[1].pacing").value("opens 3 days after you finish “Shadow a call”"))
			.andExpect(jsonPath("$.nextStepId").value(second));
		mvc.perform(get("/api/v1/me/enrolments").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		// the manager above sees it; another team's manager and another learner do not know it exists
		mvc.perform(get("/api/v1/enrolments/" + id).header("Authorization", bearer(org.managerA()))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enrolments/" + id).header("Authorization", bearer(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enrolments/" + id).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enrolments/" + id)).andExpect(status().isUnauthorized());
		// enrolling twice is a conflict
		enrol(track, bearer(org.learnerA()), "{}").andExpect(status().isConflict()).andExpect(jsonPath("$.id").value(id));
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/tracks/" + track.value() + "/enrolments")).andExpect(status().isUnauthorized());
	}

	@Test
	void aDraftOrUnknownTrackCannotBeJoinedAndATeamNotThePersonsIsRefusedAtItsField() throws Exception {
		TrackId draft = tracks.track("Draft " + org.suffix(), false, TrackStatus.DRAFT, org.managerA());
		enrol(draft, bearer(org.learnerA()), "{}").andExpect(status().isNotFound());
		enrol(new TrackId("no-such-track"), bearer(org.learnerA()), "{}").andExpect(status().isNotFound());
		TrackId open = tracks.track("Open " + org.suffix(), false, org.managerA());
		enrol(open, bearer(org.learnerA()), "{\"teamId\":\"" + org.teamB().value() + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.teamId").value("Choose one of the person's own teams."));
		enrol(open, bearer(org.learnerA()), "{\"note\":\"" + "x".repeat(1001) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.note").exists());
		// a manager enrols someone of their tree, not someone of another team
		enrol(open, bearer(org.managerA()), "{\"personId\":\"" + org.learnerB().value() + "\"}").andExpect(status().isNotFound());
		enrol(open, bearer(org.managerA()), "{\"personId\":\"" + org.learnerSubA().value() + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM track_enrolments WHERE track_id = ?").param(draft.value())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aHighInvestmentTrackWaitsForTheManagerWhoDeclinesWithAReasonThenApprovesTheSecondRequest() throws Exception {
		TrackId track = tracks.track("Certification " + org.suffix(), true, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Certification exam");
		String id = json.readTree(enrol(track, bearer(org.learnerA()), "{\"note\":\"I lead renewals next quarter.\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andReturn().getResponse().getContentAsString()).get("id").asString();

		// not the person's manager: refused; the person cannot approve themselves
		decide(id, "approve", bearer(org.managerB()), "{}").andExpect(status().isForbidden());
		decide(id, "approve", bearer(org.learnerA()), "{}").andExpect(status().isForbidden());
		decide(id, "approve", bearer(org.learnerB()), "{}").andExpect(status().isNotFound());
		decide(id, "decline", bearer(org.managerA()), "{\"reason\":\"  \"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reason").value("Give a reason: the person reads it."));
		decide(id, "decline", bearer(org.managerA()), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reason").exists());
		decide(id, "decline", bearer(org.managerA()), "{\"reason\":\"After the Q1 renewals.\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.reason").value("After the Q1 renewals."));
		// decided twice
		decide(id, "decline", bearer(org.managerA()), "{\"reason\":\"Again\"}").andExpect(status().isConflict());
		decide(id, "approve", bearer(org.managerA()), "{}").andExpect(status().isConflict());

		// asking again reuses the row
		enrol(track, bearer(org.learnerA()), "{\"note\":\"Q1 is over.\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.status").value("REQUESTED"));
		decide(id, "approve", bearer(org.managerA()), "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.steps[0].state").value("OPEN"));
		decide(id, "approve", bearer(org.managerA()), "{}").andExpect(status().isConflict());

		assertThat(jdbc.sql("SELECT action FROM audit_events WHERE subject_id = ? ORDER BY occurred_at").param(id)
			.query(String.class).list())
			.containsExactly("ENROLMENT_REQUESTED", "ENROLMENT_DECLINED", "ENROLMENT_REQUESTED", "ENROLMENT_APPROVED");
	}

	@Test
	void aManagerProposesSomeoneOfTheirTreeAndTheManagersAreToldOfRequestsAndThePersonOfTheDecision() throws Exception {
		TrackId track = tracks.track("Rotation " + org.suffix(), true, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Rotation");
		String id = json.readTree(enrol(track, bearer(org.managerA()), "{\"personId\":\"" + org.learnerA().value()
				+ "\",\"note\":\"Ready for a rotation.\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andReturn().getResponse().getContentAsString()).get("id").asString();
		// the proposing manager decides entry: her proposal is her approval, so there is nothing left to decide
		decide(id, "approve", bearer(org.managerA()), "{\"reason\":\"Go for it.\"}").andExpect(status().isConflict());
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> notifications(org.learnerA(),
				"You joined “Rotation " + org.suffix() + "”") == 1);

		String other = json.readTree(enrol(track, bearer(org.learnerSubA()), "{}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> notifications(org.managerA(),
				"Learner A1 asks to join “Rotation " + org.suffix() + "”") == 1);
		assertThat(other).isNotEqualTo(id);
	}

	@Test
	void withdrawingLeavesTheTrackOnceAndLetsThePersonEnrolAgain() throws Exception {
		TrackId track = tracks.track("Leave " + org.suffix(), false, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Something");
		String id = idOf(enrol(track, bearer(org.learnerA()), "{}"));
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/enrolments/" + id + "/withdraw").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/enrolments/" + id + "/withdraw").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		mvc.perform(MockMvcRequestBuilders.post("/api/v1/enrolments/" + id + "/withdraw").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isConflict());
		enrol(track, bearer(org.learnerA()), "{}").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ACTIVE"));
	}

	@Test
	void stepsAreConfirmedByWhomTheirRuleSaysAndOnlyOnce() throws Exception {
		TrackId track = tracks.track("Confirm " + org.suffix(), false, org.managerA());
		String self = tracks.step(track, 0, StepKind.EXTERNAL, "Read the playbook");
		String byManager = tracks.step(track, 1, StepKind.EXTERNAL, "Present to the team");
		tracks.confirmation(byManager, Confirmation.MANAGER);
		String course = tracks.courseStep(track, 2, "A course", "some-course-id");
		String id = idOf(enrol(track, bearer(org.learnerA()), "{}"));

		step(id, self, "done", bearer(org.learnerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[0].state").value("DONE"))
			.andExpect(jsonPath("$.steps[0].doneHow").value("CONFIRMED_BY_SELF"));
		step(id, self, "done", bearer(org.learnerA())).andExpect(status().isConflict());
		step(id, byManager, "done", bearer(org.learnerA())).andExpect(status().isForbidden());
		step(id, byManager, "done", bearer(org.managerB())).andExpect(status().isNotFound());
		step(id, byManager, "done", bearer(org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[1].doneHow").value("CONFIRMED_BY_MANAGER"));
		step(id, course, "done", bearer(org.managerA()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.stepId").value(containsString("complete the course")));
		step(id, "no-such-step", "done", bearer(org.learnerA())).andExpect(status().isNotFound());
	}

	@Test
	void aManagerReleasesAStepEarlyOnlyOnceItsPrerequisiteIsDone() throws Exception {
		TrackId track = tracks.track("Release " + org.suffix(), false, org.managerA());
		String basics = tracks.step(track, 0, StepKind.EXTERNAL, "Basics");
		String advanced = tracks.step(track, 1, StepKind.EXTERNAL, "Advanced");
		tracks.pacing(advanced, PacingRule.AFTER_ENROLMENT, 30, null);
		tracks.requires(advanced, basics);
		String later = tracks.step(track, 2, StepKind.EXTERNAL, "Later");
		tracks.pacing(later, PacingRule.AFTER_ENROLMENT, 60, null);
		String id = idOf(enrol(track, bearer(org.learnerA()), "{}"));

		step(id, advanced, "release", bearer(org.managerA()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.stepId").value(containsString("before its prerequisite")));
		step(id, later, "release", bearer(org.learnerA())).andExpect(status().isForbidden());
		step(id, later, "release", bearer(org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[2].state").value("OPEN"));
		step(id, later, "release", bearer(org.managerA())).andExpect(status().isConflict());
		step(id, basics, "done", bearer(org.learnerA())).andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[1].state").value("SCHEDULED"));
		step(id, advanced, "release", bearer(org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[1].state").value("OPEN"));
	}

	@Test
	void managersSeeThePlaceAndPaceOfTheirPeopleOnly() throws Exception {
		TrackId track = tracks.track("People " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "First");
		tracks.step(track, 1, StepKind.EXTERNAL, "Second");
		String a = idOf(enrol(track, bearer(org.learnerA()), "{}"));
		idOf(enrol(track, bearer(org.learnerSubA()), "{}"));
		idOf(enrol(track, bearer(org.learnerB()), "{}"));
		step(a, first, "done", bearer(org.learnerA())).andExpect(status().isOk());

		String path = "/api/v1/tracks/" + track.value() + "/enrolments";
		mvc.perform(get(path).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.people[0].personName").value("Learner A"))
			.andExpect(jsonPath("$.people[0].done").value(1))
			.andExpect(jsonPath("$.people[0].total").value(2))
			.andExpect(jsonPath("$.people[0].currentStep").value("Second"))
			.andExpect(jsonPath("$.people[0].pace").value("ON_PACE"))
			.andExpect(jsonPath("$.people[*].personName", not(hasItem("Learner B"))));
		mvc.perform(get(path).param("teamId", org.subTeamA().value()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.people[0].personName").value("Learner A1"));
		mvc.perform(get(path).param("teamId", org.teamB().value()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		mvc.perform(get(path).header("Authorization", bearer(org.learnerA()))).andExpect(status().isForbidden());
		mvc.perform(get(path).header("Authorization", bearer(fixtures.admin().id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void theEndpointsAreDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Track enrolments\"", "/api/v1/tracks/{id}/enrolments", "/api/v1/enrolments/{id}",
				"/api/v1/enrolments/{id}/approve", "/api/v1/enrolments/{id}/decline", "/api/v1/enrolments/{id}/withdraw",
				"/api/v1/me/enrolments", "/api/v1/enrolments/{id}/steps/{stepId}/done",
				"/api/v1/enrolments/{id}/steps/{stepId}/release", "EnrolmentView", "PlaceView");
	}

	private ResultActions enrol(TrackId track, String auth, String body) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/api/v1/tracks/" + track.value() + "/enrolments")
			.header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions decide(String id, String how, String auth, String body) throws Exception {
		var request = MockMvcRequestBuilders.post("/api/v1/enrolments/" + id + "/" + how).header("Authorization", auth);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	private ResultActions step(String id, String stepId, String how, String auth) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/api/v1/enrolments/" + id + "/steps/" + stepId + "/" + how)
			.header("Authorization", auth));
	}

	private String idOf(ResultActions created) throws Exception {
		return json.readTree(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("id").asString();
	}

	private int notifications(PersonId person, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND subject = ?")
			.params(person.value(), subject).query(Integer.class).single();
	}

	private String bearer(PersonId id) {
		return "Bearer " + fixtures.token(id);
	}
}
