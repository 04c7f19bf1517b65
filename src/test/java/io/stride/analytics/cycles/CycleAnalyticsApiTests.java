package io.stride.analytics.cycles;

import java.util.Set;

import io.stride.analytics.cycles.CycleAnalyticsFixtures.Story;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/analytics/cycles}: the figures as JSON and CSV, and each refusal.
 */
// the story's teams have one to three people: figures for groups of any size (CycleAnalyticsMinimumGroupTests
// checks that groups of fewer than five are withheld by default)
@SpringBootTest(properties = "stride.analytics.cycles.minimum-group=1")
@AutoConfigureMockMvc
class CycleAnalyticsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CycleAnalyticsFixtures fixture;

	Story s;

	@BeforeEach
	void story() {
		s = fixture.story();
	}

	@Test
	void aManagerGetsTheirTeamsPerMonth() throws Exception {
		call(s.org().managerA(), "").andExpect(status().isOk())
			.andExpect(jsonPath("$.teamId").value(nullValue()))
			.andExpect(jsonPath("$.everyTeam").value(false))
			.andExpect(jsonPath("$.to").value(s.today().toString()))
			.andExpect(jsonPath("$.total.people").value(3))
			.andExpect(jsonPath("$.total.withActiveCycle").value(1))
			.andExpect(jsonPath("$.total.shareActive").value(0.3333))
			.andExpect(jsonPath("$.total.goals").value(4))
			.andExpect(jsonPath("$.total.goalsServingOrganization").value(1))
			.andExpect(jsonPath("$.total.goalsServingTeam").value(1))
			.andExpect(jsonPath("$.total.goalsServingSelf").value(3))
			.andExpect(jsonPath("$.total.validationsGiven").value(2))
			.andExpect(jsonPath("$.total.medianDaysToValidate").value(3.0))
			.andExpect(jsonPath("$.total.helpRequests").value(2))
			.andExpect(jsonPath("$.total.shareHelpAnswered").value(0.5))
			.andExpect(jsonPath("$.trend", hasSize(6)))
			.andExpect(jsonPath("$.trend[3].month").value(s.month().minusMonths(2).toString()))
			.andExpect(jsonPath("$.trend[3].figures.withActiveCycle").value(1))
			.andExpect(jsonPath("$.teams", hasSize(2)))
			.andExpect(jsonPath("$.teams[0].id").value(s.org().teamA().value()))
			.andExpect(jsonPath("$.teams[1].id").value(s.org().subTeamA().value()))
			.andExpect(jsonPath("$.teams[1].depth").value(1))
			.andExpect(jsonPath("$.teams[1].period.validationsGiven").value(1))
			.andExpect(jsonPath("$.teams[1].months", hasSize(6)));
	}

	@Test
	void theLearningTeamSeesAnyTeamAndOtherReviewersNone() throws Exception {
		PersonId learningTeam = fixtures.person(fixtures.admin(), "Lea Learning", "lea", s.org().suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		call(learningTeam, "?team=" + s.org().teamB().value()).andExpect(status().isOk())
			.andExpect(jsonPath("$.everyTeam").value(true))
			.andExpect(jsonPath("$.teamId").value(s.org().teamB().value()))
			.andExpect(jsonPath("$.total.people").value(2))
			.andExpect(jsonPath("$.total.validationsReceived").value(1))
			.andExpect(jsonPath("$.total.medianDaysToValidate").value(1.0));
		PersonId compliance = fixtures.person(fixtures.admin(), "Cora Compliance", "cora", s.org().suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		fixtures.complianceReviewer(compliance);
		call(compliance, "").andExpect(status().isNotFound());
	}

	@Test
	void learnersAndOtherTeamsAreNotFoundAndBadFiltersAre422AtTheField() throws Exception {
		call(s.org().learnerA(), "").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		call(s.org().managerA(), "?team=" + s.org().teamB().value()).andExpect(status().isNotFound());
		call(adminId(), "?team=no-such-team").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.team").exists());
		call(s.org().managerA(), "?from=2026-03-10&to=2026-03-01").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.to").exists());
		call(s.org().managerA(), "?from=2020-01-01&to=2026-01-01").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.from").value(org.hamcrest.Matchers.containsString("24 months")));
		call(s.org().managerA(), "?from=yesterday").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.from").exists());
		mvc.perform(get("/api/v1/analytics/cycles")).andExpect(status().isUnauthorized());
	}

	@Test
	void theSameFiguresComeAsCsvByFormatOrAccept() throws Exception {
		MvcResult byFormat = call(s.org().managerA(), "?format=csv").andExpect(status().isOk()).andReturn();
		assertThat(byFormat.getResponse().getContentType()).startsWith("text/csv");
		assertThat(byFormat.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("stride-learning-cycles-all-teams-");
		String csv = byFormat.getResponse().getContentAsString();
		String teamA = s.org().teamA().value();
		assertThat(csv).startsWith("team_id,team_name,month,from,to,active_on,people,with_active_cycle,share_active,"
				+ "had_cycle,goals,goals_serving_organization,goals_serving_team,goals_serving_self,validations_given,"
				+ "validations_received,median_days_to_validate,help_requests,help_requests_answered,share_help_answered,note\r\n")
			.contains("\"" + teamA + "\",\"Team A " + s.org().suffix() + "\",\"all\",\"" + s.month().minusMonths(5).atDay(1)
					+ "\",\"" + s.today() + "\",\"" + s.today() + "\",3,1,0.3333,2,4,1,1,3,2,2,3.0,2,1,0.5,\r\n")
			.contains("\"" + s.org().subTeamA().value() + "\",\"Team A1 " + s.org().suffix() + "\",\""
					+ s.month().minusMonths(2) + "\"")
			.doesNotContain(s.org().teamB().value());
		// one line for everyone and one per team, each for the whole period and six months
		assertThat(csv.split("\r\n")).hasSize(1 + 3 * 7);

		MvcResult byAccept = mvc.perform(get("/api/v1/analytics/cycles").accept("text/csv")
				.header("Authorization", "Bearer " + fixtures.token(s.org().managerA()))).andReturn();
		assertThat(byAccept.getResponse().getStatus()).isEqualTo(200);
		assertThat(byAccept.getResponse().getContentAsString()).isEqualTo(csv);

		MvcResult refused = mvc.perform(get("/api/v1/analytics/cycles").accept("text/csv")
				.header("Authorization", "Bearer " + fixtures.token(s.org().learnerA()))).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(404);
		MvcResult bad = call(s.org().managerA(), "?format=csv&from=2026-13-01").andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(422);
		assertThat(bad.getResponse().getContentAsString()).contains("YYYY-MM-DD");
	}

	@Test
	void theEndpointIsDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(docs).contains("\"/api/v1/analytics/cycles\"", "Learning-cycle figures per team and per month");
	}

	private ResultActions call(PersonId who, String query) throws Exception {
		return mvc.perform(get("/api/v1/analytics/cycles" + query).header("Authorization", "Bearer " + fixtures.token(who)));
	}

	private PersonId adminId() {
		return fixtures.admin().id();
	}
}
