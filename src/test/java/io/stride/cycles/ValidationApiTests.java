package io.stride.cycles;

import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Peer validation, help and share back through the API: each endpoint's answer and its refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class ValidationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ValidationFixtures rows;

	@Autowired
	MovableClock clock;

	Org org;

	Viewer ana;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
	}

	@Test
	void aColleagueIsAskedReadsTheEvidenceAndValidatesOnceAndTheLevelRises() throws Exception {
		CapabilityId capability = rows.validatedCapability("Workshops " + org.suffix(), 1);
		rows.holds(org.learnerB(), capability, 2);
		Goal goal = rows.goal(ana, Visibility.MANAGER, "Run customer workshops alone", capability, 2, List.of());
		rows.checkIn(goal, "Ran the first one with Ben watching", 50);
		String path = "/api/v1/goals/" + goal.id().value() + "/validation-requests";

		String created = send(post(path), org.learnerA(), "{\"validators\":[\"" + org.learnerB().value()
				+ "\"],\"message\":\"You saw both workshops\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("REQUESTED"))
			.andExpect(jsonPath("$[0].validator.name").value("Learner B"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$[0].id");

		mvc.perform(get("/api/v1/validation-requests").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].wouldCountTowardLevel").value(true))
			.andExpect(jsonPath("$[0].evidence.what").value("Run customer workshops alone"))
			.andExpect(jsonPath("$[0].evidence.level").value("Can do it alone"))
			.andExpect(jsonPath("$[0].evidence.checkIns[0].note").value("Ran the first one with Ben watching"));
		mvc.perform(get("/api/v1/validation-requests?as=requester").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].evidence").doesNotExist());
		mvc.perform(get("/api/v1/validation-requests?as=judge").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.as").exists());

		answer(id, org.learnerA(), "{\"answer\":\"VALIDATED\",\"note\":\"I did\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.answer").value(containsString("own goal")));
		answer(id, org.learnerB(), "{\"answer\":\"MAYBE\",\"note\":\"Hm\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.answer").exists());
		answer(id, org.managerB(), "{\"answer\":\"VALIDATED\",\"note\":\"Sure\"}").andExpect(status().isNotFound());
		answer(id, org.learnerB(), "{\"answer\":\"VALIDATED\",\"note\":\"Both workshops ran without help\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.countsTowardLevel").value(true))
			.andExpect(jsonPath("$.levelNote").value("Counts toward Workshops " + org.suffix() + " at “Can do it alone”."));
		answer(id, org.learnerB(), "{\"answer\":\"NOT_YET\",\"note\":\"Second thoughts\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.answer").value(containsString("already answered")));
		assertThat(rows.heldRank(org.learnerA(), capability)).isEqualTo(2);

		mvc.perform(get(path).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].note").value("Both workshops ran without help"));
	}

	@Test
	void askingIsForTheOwnerOnlyAndBadValidatorsAre422AtTheField() throws Exception {
		PersonId teammate = fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(), Set.of(org.teamA()),
				Set.of());
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		String path = "/api/v1/goals/" + goal.id().value() + "/validation-requests";

		send(post(path), org.learnerA(), "{\"validators\":[\"" + org.learnerA().value() + "\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.validators").value(containsString("own goal")));
		send(post(path), org.learnerA(), "{\"validators\":[]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.validators").exists());
		send(post(path), teammate, "{\"validators\":[\"" + org.learnerB().value() + "\"]}")
			.andExpect(status().isForbidden());
		send(post(path), org.learnerB(), "{\"validators\":[\"" + teammate.value() + "\"]}")
			.andExpect(status().isNotFound());
		mvc.perform(get(path).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/validation-requests/" + goal.id().value()).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void helpIsAskedOfferedWithdrawnAndListedForTheTeam() throws Exception {
		PersonId teammate = fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(), Set.of(org.teamA()),
				Set.of());
		CapabilityId capability = rows.validatedCapability("Renewals " + org.suffix(), 1);
		rows.holds(org.managerB(), capability, 3);
		Goal goal = rows.goal(ana, Visibility.TEAM, "Negotiate renewals", capability, 2, List.of());
		String goalPath = "/api/v1/goals/" + goal.id().value();

		send(put(goalPath + "/help"), teammate, "{\"lookingForHelp\":true}").andExpect(status().isForbidden());
		send(put(goalPath + "/help"), org.learnerA(), "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.lookingForHelp").exists());
		send(post(goalPath + "/help-offers"), teammate, "{}").andExpect(status().isConflict());
		send(put(goalPath + "/help"), org.learnerA(), "{\"lookingForHelp\":true}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lookingForHelp").value(true));
		mvc.perform(get(goalPath + "/help-suggestions").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].person.id").value(org.managerB().value()))
			.andExpect(jsonPath("$[0].reason").value(containsString("Can teach it")));

		String offered = send(post(goalPath + "/help-offers"), teammate, "{\"message\":\"I renewed ours\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.helper.name").value("Teammate"))
			.andReturn().getResponse().getContentAsString();
		String offerId = JsonPath.read(offered, "$.id");
		send(post(goalPath + "/help-offers"), teammate, "{}").andExpect(status().isConflict());
		send(post(goalPath + "/help-offers"), org.learnerA(), "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.helper").exists());
		send(post(goalPath + "/help-offers"), org.learnerB(), "{}").andExpect(status().isNotFound());

		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/help-requests").header("Authorization", bearer(teammate)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requests", hasSize(1)))
			.andExpect(jsonPath("$.requests[0].what").value("Negotiate renewals"))
			.andExpect(jsonPath("$.requests[0].mine.id").value(offerId))
			.andExpect(jsonPath("$.notShown").value(0));
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/help-requests").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());

		mvc.perform(delete("/api/v1/help-offers/" + offerId).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/help-offers/" + offerId).header("Authorization", bearer(teammate)))
			.andExpect(status().isNoContent());
		mvc.perform(get(goalPath + "/help").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offers", hasSize(0)));
	}

	@Test
	void aClosedGoalIsTurnedIntoACourseDraft() throws Exception {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		String path = "/api/v1/goals/" + goal.id().value() + "/course-draft";
		mvc.perform(post(path).header("Authorization", bearer(org.learnerA()))).andExpect(status().isConflict());
		rows.close(goal, GoalOutcome.LEARNED, "Short exercises work best");

		mvc.perform(post(path).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		String body = mvc.perform(post(path).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.url").value(containsString("/drafts/")))
			.andReturn().getResponse().getContentAsString();
		String draftId = JsonPath.read(body, "$.draftId");
		mvc.perform(get("/api/v1/drafts/" + draftId).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk());
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Peer validation\"", "\"Helping each other\"", "/api/v1/goals/{id}/validation-requests",
				"/api/v1/validation-requests", "/api/v1/validation-requests/{id}/answer", "/api/v1/goals/{id}/help",
				"/api/v1/goals/{id}/help-suggestions", "/api/v1/goals/{id}/help-offers", "/api/v1/help-offers/{id}",
				"/api/v1/teams/{id}/help-requests", "/api/v1/goals/{id}/course-draft", "AnswerBody", "RequestView");
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			PersonId who, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions answer(String id, PersonId who, String body) throws Exception {
		return send(post("/api/v1/validation-requests/" + id + "/answer"), who, body);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
