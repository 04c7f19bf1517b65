package io.stride.cycles;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.jayway.jsonpath.JsonPath;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.support.CapabilityRows;
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
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cycles, goals, team cycles and contract template endpoints: each one's answer and its refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CyclesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aDateThatDoesNotParseIsReportedTogetherWithTheOtherFieldErrors() throws Exception {
		send(post("/api/v1/cycles"), org.learnerA(), "{\"startsOn\":\"not a date\",\"days\":200}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsOn").exists())
			.andExpect(jsonPath("$.errors.days").exists());
	}

	@Test
	void aPersonStartsACycleOnlyOfThirtyToNinetyTwoDaysAndOnlyOneAtATime() throws Exception {
		send(post("/api/v1/cycles"), org.learnerA(), "{\"days\":29,\"visibility\":\"TEAM\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.days").exists());
		send(post("/api/v1/cycles"), org.learnerA(), "{\"days\":93}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.days").exists());
		send(post("/api/v1/cycles"), org.learnerA(), "{\"startsOn\":\"not a date\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsOn").exists());
		send(post("/api/v1/cycles"), org.learnerA(), "{\"visibility\":\"NAMED\",\"viewers\":[]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.viewers").exists());
		send(post("/api/v1/cycles"), org.learnerA(), "{\"visibility\":\"SECRET\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.visibility").exists());
		mvc.perform(get("/api/v1/cycles").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));

		send(post("/api/v1/cycles"), org.learnerA(), "{\"title\":\"Spring\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.days").value(60))
			.andExpect(jsonPath("$.visibility").value("TEAM"))
			.andExpect(jsonPath("$.access").value("OWNER"))
			.andExpect(jsonPath("$.revision").value(0));
		send(post("/api/v1/cycles"), org.learnerA(), "{\"title\":\"Another\"}").andExpect(status().isConflict());
		mvc.perform(get("/api/v1/cycles").header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].title").value("Spring"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"));
	}

	@Test
	void onlyTheOwnerChangesAContractReadersGet403OthersGet404AndAStaleRevisionGets409() throws Exception {
		String id = start(org.learnerA(), "{\"title\":\"Mine\",\"visibility\":\"NAMED\",\"viewers\":[\""
				+ org.learnerB().value() + "\"]}");
		LocalDate start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

		mvc.perform(get("/api/v1/cycles/" + id).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access").value("READ"));
		mvc.perform(get("/api/v1/cycles/" + id).header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/cycles/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access").value("EXISTENCE"))
			.andExpect(jsonPath("$.viewers", hasSize(0)));
		mvc.perform(get("/api/v1/cycles?scope=shared").header("Authorization", bearer(org.learnerB())))
			.andExpect(jsonPath("$[0].id").value(id));

		send(put("/api/v1/cycles/" + id), org.learnerB(), "{\"revision\":0,\"title\":\"Hijacked\"}")
			.andExpect(status().isForbidden());
		send(put("/api/v1/cycles/" + id), org.managerB(), "{\"revision\":0,\"title\":\"Hijacked\"}")
			.andExpect(status().isNotFound());
		send(put("/api/v1/cycles/" + id), org.learnerA(), "{\"title\":\"No revision\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());
		send(put("/api/v1/cycles/" + id), org.learnerA(),
				"{\"revision\":0,\"endsOn\":\"" + start.plusDays(20) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.endsOn").exists());
		send(put("/api/v1/cycles/" + id), org.learnerA(),
				"{\"revision\":0,\"title\":\"Mine, longer\",\"days\":80,\"visibility\":\"TEAM\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endsOn").value(start.plusDays(80).toString()))
			.andExpect(jsonPath("$.visibility").value("TEAM"))
			.andExpect(jsonPath("$.revision").value(1));
		send(put("/api/v1/cycles/" + id), org.learnerA(), "{\"revision\":0,\"title\":\"Stale\"}")
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/cycles/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.title").value("Mine, longer"));
	}

	@Test
	void goalsAreAddedReadChangedAndRemovedByTheOwnerWithFieldErrorsForEmptyOnes() throws Exception {
		String cycle = start(org.learnerA(), "{}");
		send(post("/api/v1/cycles/" + cycle + "/goals"), org.learnerA(), "{\"what\":\"  \",\"servesSelf\":true}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.what").exists());
		send(post("/api/v1/cycles/" + cycle + "/goals"), org.learnerA(), "{\"what\":\"Something\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.why").exists());
		send(post("/api/v1/cycles/" + cycle + "/goals"), org.learnerA(),
				"{\"what\":\"Something\",\"servesSelf\":true,\"targetDate\":\"2020-01-01\","
						+ "\"resources\":[{\"title\":\"Evil\",\"url\":\"javascript:alert(1)\"}]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.targetDate").exists())
			.andExpect(jsonPath("$.errors.resources").exists());

		String body = send(post("/api/v1/cycles/" + cycle + "/goals"), org.learnerA(),
				"{\"what\":\"Run a customer workshop\",\"servesSelf\":true,\"practice\":\"With the next two customers\","
						+ "\"resources\":[{\"title\":\"Workshop book\",\"url\":\"https://example.org/book\"}],"
						+ "\"validators\":[\"" + org.learnerB().value() + "\"]}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.what").value("Run a customer workshop"))
			.andExpect(jsonPath("$.resources[0].url").value("https://example.org/book"))
			.andExpect(jsonPath("$.validators[0].name").value("Learner B"))
			.andReturn().getResponse().getContentAsString();
		String goal = JsonPath.read(body, "$.id");

		mvc.perform(get("/api/v1/goals/" + goal).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cycle.id").value(cycle))
			.andExpect(jsonPath("$.goal.practice").value("With the next two customers"));
		mvc.perform(get("/api/v1/goals/" + goal).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		send(put("/api/v1/goals/" + goal), org.managerA(), "{\"what\":\"Manager's idea\",\"servesSelf\":true}")
			.andExpect(status().isForbidden());
		send(put("/api/v1/goals/" + goal), org.learnerA(), "{\"what\":\"\",\"servesSelf\":true}")
			.andExpect(status().isUnprocessableContent());
		send(put("/api/v1/goals/" + goal), org.learnerA(), "{\"what\":\"Run two workshops\",\"servesSelf\":true}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.what").value("Run two workshops"));
		mvc.perform(delete("/api/v1/goals/" + goal).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/goals/" + goal).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/cycles/" + cycle).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.goals", hasSize(0)));
	}

	@Test
	void managersReadTheirTeamsCyclesAndKeepTemplatesThatItsPeopleStartFrom() throws Exception {
		CapabilityId capability = capabilityRows.capability("Escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		start(org.learnerA(), "{\"visibility\":\"MANAGER\"}");
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/cycles").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withActiveCycle").value(1))
			.andExpect(jsonPath("$.members[0].person.name").value("Learner A"))
			.andExpect(jsonPath("$.members[0].activeCycle.access").value("READ"))
			.andExpect(jsonPath("$.members[1].activeCycle").doesNotExist());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/cycles").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());

		String template = "{\"title\":\"Support onboarding\",\"goals\":[{\"what\":\"Handle escalations\","
				+ "\"capabilityId\":\"" + capability.value() + "\",\"targetLevel\":2,\"evidence\":\"Three closed\"}]}";
		send(post("/api/v1/teams/" + org.teamA().value() + "/contract-templates"), org.learnerA(), template)
			.andExpect(status().isForbidden());
		send(post("/api/v1/teams/" + org.teamA().value() + "/contract-templates"), org.managerB(), template)
			.andExpect(status().isNotFound());
		send(post("/api/v1/teams/" + org.teamA().value() + "/contract-templates"), org.managerA(),
				"{\"title\":\"\",\"goals\":[]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists())
			.andExpect(jsonPath("$.errors.goals").exists());
		String created = send(post("/api/v1/teams/" + org.teamA().value() + "/contract-templates"), org.managerA(),
				template)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.goals[0].capability.targetLevelName").value("Can do it alone"))
			.andReturn().getResponse().getContentAsString();
		String templateId = JsonPath.read(created, "$.id");
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/contract-templates")
			.header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(templateId))
			.andExpect(jsonPath("$[0].mayEdit").value(false));
		send(put("/api/v1/contract-templates/" + templateId), org.learnerSubA(), template)
			.andExpect(status().isForbidden());
		send(put("/api/v1/contract-templates/" + templateId), org.managerA(),
				template.replace("Support onboarding", "Support onboarding v2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Support onboarding v2"));

		send(post("/api/v1/cycles"), org.learnerB(), "{\"fromTemplate\":\"" + templateId + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.fromTemplate").exists());
		send(post("/api/v1/cycles"), org.learnerSubA(), "{\"fromTemplate\":\"" + templateId + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.goals[0].what").value("Handle escalations"))
			.andExpect(jsonPath("$.goals[0].capability.id").value(capability.value()));

		mvc.perform(delete("/api/v1/contract-templates/" + templateId).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/contract-templates")
			.header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void draftMyContractProposesGoalsWithABodyReadyToAdd() throws Exception {
		CapabilityId capability = capabilityRows.capability("Escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		capabilityRows.target(org.teamA(), capability, 2, 1, org.managerA());
		capabilityRows.holds(org.learnerB(), capability, 1, null);
		capabilityRows.holds(org.learnerB(), capability, 2, null);

		String body = mvc.perform(get("/api/v1/cycles/draft").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].capability.id").value(capability.value()))
			.andExpect(jsonPath("$[0].validator.id").value(org.learnerB().value()))
			.andExpect(jsonPath("$[0].draft.capabilityId").value(capability.value()))
			.andReturn().getResponse().getContentAsString();
		String draft = tools.jackson.databind.json.JsonMapper.builder().build()
			.writeValueAsString(JsonPath.read(body, "$[0].draft"));
		String cycle = start(org.learnerA(), "{}");
		send(post("/api/v1/cycles/" + cycle + "/goals"), org.learnerA(), draft)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.capability.targetLevel").value(2))
			.andExpect(jsonPath("$.validators[0].id").value(org.learnerB().value()));
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(docs).contains("\"Learning cycles\"", "/api/v1/cycles", "/api/v1/cycles/{id}",
				"/api/v1/cycles/{id}/goals", "/api/v1/goals/{id}", "/api/v1/cycles/draft", "/api/v1/teams/{id}/cycles",
				"/api/v1/teams/{id}/contract-templates", "/api/v1/contract-templates/{id}", "StartBody", "GoalBody",
				"CycleView", "TeamCyclesView", "ProposalView");
	}

	private String start(PersonId who, String body) throws Exception {
		String created = send(post("/api/v1/cycles"), who, body).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			PersonId who, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

}
