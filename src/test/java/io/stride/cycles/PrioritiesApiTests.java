package io.stride.cycles;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import io.stride.capability.Capabilities;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Priorities through the API: who publishes, edits and retires what, who sees a team's (with its learning needs),
 * bad input at the field, a stale edit, and starting a period from the previous one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PrioritiesApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	Capabilities capabilities;

	@Autowired
	MovableClock clock;

	Org org;

	PersonId admin;

	CapabilityId escalations;

	String period;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		admin = fixtures.admin().id();
		escalations = rows.capability("Complex escalations " + org.suffix(), "Support", admin);
		// nobody holds it: team A is short
		rows.target(org.teamA(), escalations, 2, 1, org.managerA());
		period = "2027 H1 " + org.suffix();
	}

	@Test
	void anAdminPublishesAnOrganizationPriorityEveryoneReads() throws Exception {
		JsonNode published = read(mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, "STRATEGY",
				"Apply AI in customer support", "\"" + escalations.value() + "\"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.period").value(period))
			.andExpect(jsonPath("$.teamId").isEmpty())
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.capabilities[0].name").value("Complex escalations " + org.suffix())));
		assertThat(published.get("id").asString()).isNotBlank();

		mvc.perform(get("/api/v1/priorities").param("period", period).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.label").value(period))
			.andExpect(jsonPath("$.mayEdit").value(false))
			.andExpect(jsonPath("$.priorities", hasSize(1)))
			.andExpect(jsonPath("$.priorities[0].id").value(published.get("id").asString()))
			.andExpect(jsonPath("$.priorities[0].kind").value("STRATEGY"))
			.andExpect(jsonPath("$.priorities[0].title").value("Apply AI in customer support"));
		mvc.perform(get("/api/v1/priorities/periods").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].label", hasItem(period)));
	}

	@Test
	void onlyAdminsPublishTheOrganizationsPriorities() throws Exception {
		mvc.perform(json(post("/api/v1/priorities"), org.managerA(), publish(period, "PURPOSE", "Happy customers", "")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/priorities").param("period", period).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void badInputIsRefusedAtTheFieldAndNothingIsSaved() throws Exception {
		mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, "PURPOSE", " ", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").value("Give the priority a title."));
		mvc.perform(json(post("/api/v1/priorities"), admin, "{\"period\":\"" + period + "\",\"kind\":\"PURPOSE\",\"title\":\"T\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsOn").value("A new period needs its first day."))
			.andExpect(jsonPath("$.errors.endsOn").value("A new period needs its last day."));
		mvc.perform(json(post("/api/v1/priorities"), admin, "{\"period\":\"" + period + "\",\"startsOn\":\"2027-06-30\","
				+ "\"endsOn\":\"2027-01-01\",\"kind\":\"PURPOSE\",\"title\":\"T\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.endsOn").value(containsString("on or after the first day")));
		mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, "PURPOSE", "T", "\"no-such-capability\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.capabilityIds").value(containsString("no-such-capability")));
		capabilities.retire(fixtures.admin(), escalations);
		mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, "PURPOSE", "T", "\"" + escalations.value() + "\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.capabilityIds").value(containsString("is retired")));
		mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, "SUCCESS", "T", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").value(containsString("The organization publishes")));
		mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, "PURPOSE", "x".repeat(201), "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").value(containsString("200 characters")));
		// no refused publication created the period either
		mvc.perform(get("/api/v1/priorities").param("period", period).header("Authorization", bearer(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStaleEditIsRefusedWithAConflictAndTheFirstEditStays() throws Exception {
		String id = publishOrganization("PURPOSE", "Happy customers");
		mvc.perform(json(put("/api/v1/priorities/" + id), admin, edit(1, "PURPOSE", "Customers who stay")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(json(put("/api/v1/priorities/" + id), admin, edit(1, "PURPOSE", "Overwrites the other edit")))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/priorities").param("period", period).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.priorities[0].title").value("Customers who stay"));
		mvc.perform(json(put("/api/v1/priorities/" + id), org.managerA(), edit(2, "PURPOSE", "Managers may not")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRetiredPriorityIsNoLongerShownOrEditable() throws Exception {
		String id = publishOrganization("CHALLENGE", "Ticket backlog");
		mvc.perform(delete("/api/v1/priorities/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/priorities/" + id).header("Authorization", bearer(admin)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/priorities").param("period", period).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.priorities", hasSize(0)));
		mvc.perform(json(put("/api/v1/priorities/" + id), admin, edit(2, "CHALLENGE", "Back again")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aManagerPublishesTheTeamsPrioritiesWhichItsPeopleSeeBesideItsLearningNeeds() throws Exception {
		String id = read(mvc.perform(json(post(team(org.teamA())), org.managerA(), publish(period, "PRIORITY",
				"Escalations answered within a day", "\"" + escalations.value() + "\"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.teamId").value(org.teamA().value()))).get("id").asString();

		mvc.perform(get(team(org.teamA())).param("period", period).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mayEdit").value(false))
			.andExpect(jsonPath("$.priorities[0].id").value(id))
			.andExpect(jsonPath("$.learningNeeds", hasSize(1)))
			.andExpect(jsonPath("$.learningNeeds[0].name").value("Complex escalations " + org.suffix()))
			.andExpect(jsonPath("$.learningNeeds[0].status").value("SHORT"))
			.andExpect(jsonPath("$.learningNeeds[0].qualified").doesNotExist());
		// the sub-team's people see team A's, and on their own team's page as a team above
		mvc.perform(get(team(org.teamA())).param("period", period).header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isOk());
		mvc.perform(get(team(org.subTeamA())).param("period", period).header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priorities", hasSize(0)))
			.andExpect(jsonPath("$.above[0].title").value("Escalations answered within a day"));

		// another team's people and manager do not learn the team exists
		mvc.perform(get(team(org.teamA())).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get(team(org.teamA())).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(json(post(team(org.teamA())), org.managerB(), publish(period, "PRIORITY", "Theirs", "")))
			.andExpect(status().isNotFound());
		mvc.perform(json(put("/api/v1/priorities/" + id), org.learnerB(), edit(1, "PRIORITY", "Theirs")))
			.andExpect(status().isNotFound());
		// members see, but do not publish or edit
		mvc.perform(json(post(team(org.teamA())), org.learnerA(), publish(period, "PRIORITY", "Mine", "")))
			.andExpect(status().isForbidden());
		mvc.perform(json(put("/api/v1/priorities/" + id), org.learnerA(), edit(1, "PRIORITY", "Mine")))
			.andExpect(status().isForbidden());
		mvc.perform(json(post(team(org.teamA())), org.managerA(), publish(period, "STRATEGY", "Not a team kind", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").value(containsString("A team publishes")));
	}

	@Test
	void aNewPeriodStartsFromThePreviousOneOnlyWhenAsked() throws Exception {
		// far-off years no other test uses, so nothing falls between the two periods
		int year = 2300 + ThreadLocalRandom.current().nextInt(5000);
		String first = "FY" + year + " " + org.suffix();
		String second = "FY" + (year + 1) + " " + org.suffix();
		mvc.perform(json(post(team(org.teamA())), org.managerA(), "{\"period\":\"" + first + "\",\"startsOn\":\"" + year
				+ "-01-01\",\"endsOn\":\"" + year + "-12-31\",\"kind\":\"SUCCESS\",\"title\":\"Calm escalations\"}"))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/priorities"), admin, "{\"period\":\"" + second + "\",\"startsOn\":\"" + (year + 1)
				+ "-01-01\",\"endsOn\":\"" + (year + 1) + "-12-31\",\"kind\":\"PURPOSE\",\"title\":\"Happy customers\"}"))
			.andExpect(status().isCreated());
		// the new period copied nothing by itself
		mvc.perform(get(team(org.teamA())).param("period", second).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.priorities", hasSize(0)));

		mvc.perform(post("/api/v1/priorities/periods/" + second + "/start-from-previous").param("teamId", org.teamA().value())
			.header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/priorities/periods/" + second + "/start-from-previous").param("teamId", org.teamA().value())
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.copied").value(1));
		mvc.perform(get(team(org.teamA())).param("period", second).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.priorities[0].title").value("Calm escalations"))
			.andExpect(jsonPath("$.priorities[0].period").value(second));
		mvc.perform(post("/api/v1/priorities/periods/" + second + "/start-from-previous").param("teamId", org.teamA().value())
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Priorities\"", "/api/v1/priorities", "/api/v1/priorities/{id}",
				"/api/v1/priorities/periods", "/api/v1/teams/{id}/priorities",
				"/api/v1/priorities/periods/{period}/start-from-previous", "PriorityPublishBody", "PriorityEditBody", "TeamPrioritiesView", "LearningNeedView", "PriorityPeriodView");
	}

	private String publishOrganization(String kind, String title) throws Exception {
		return read(mvc.perform(json(post("/api/v1/priorities"), admin, publish(period, kind, title, "")))
			.andExpect(status().isCreated())).get("id").asString();
	}

	private String publish(String period, String kind, String title, String capabilityIds) {
		LocalDate today = LocalDate.now(clock);
		return "{\"period\":\"" + period + "\",\"startsOn\":\"" + today.minusDays(10) + "\",\"endsOn\":\""
				+ today.plusDays(170) + "\",\"kind\":\"" + kind + "\",\"title\":\"" + title
				+ "\",\"text\":\"Why it matters.\",\"capabilityIds\":[" + capabilityIds + "]}";
	}

	private static String edit(int revision, String kind, String title) {
		return "{\"revision\":" + revision + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"text\":\"\"}";
	}

	private static String team(TeamId team) {
		return "/api/v1/teams/" + team.value() + "/priorities";
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
