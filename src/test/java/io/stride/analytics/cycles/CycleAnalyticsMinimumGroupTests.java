package io.stride.analytics.cycles;

import java.util.Set;

import io.stride.analytics.cycles.CycleAnalyticsFixtures.Story;
import io.stride.analytics.cycles.CycleAnalyticsReport.TeamFigures;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Figures are withheld for a group of fewer than five people (the default): in one-person teams they would tell
 * whether that person has a cycle and what it serves.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CycleAnalyticsMinimumGroupTests {

	@Autowired
	CycleAnalytics analytics;

	@Autowired
	CycleAnalyticsFixtures fixture;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	Story s;

	@BeforeEach
	void story() {
		s = fixture.story();
	}

	@Test
	void aTeamOfFewerThanFivePeopleShowsOnlyHowManyPeopleItHas() throws Exception {
		// Team A: Manager A, Learner A and Learner A1 (Team A1 below it: Learner A1 alone)
		CycleAnalyticsReport r = analytics.report(fixtures.viewer(s.org().managerA()), CycleAnalyticsFilter.DEFAULT);

		assertThat(r.minimumGroup()).isEqualTo(5);
		assertThat(r.totalWithheld()).isTrue();
		assertThat(r.total().people()).isEqualTo(3);
		assertThat(r.total().hadCycle()).isZero();
		assertThat(r.total().goals()).isZero();
		assertThat(r.trend()).isEmpty();
		assertThat(r.teams()).allSatisfy(t -> {
			assertThat(t.withheld()).isTrue();
			assertThat(t.period().hadCycle()).isZero();
			assertThat(t.period().servesSelf()).isZero();
			assertThat(t.months()).isEmpty();
		});

		String team = s.org().subTeamA().value();
		mvc.perform(get("/api/v1/analytics/cycles").header("Authorization", bearer(s.org().managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalWithheld").value(true))
			.andExpect(jsonPath("$.total").doesNotExist())
			.andExpect(jsonPath("$.teams[1].id").value(team))
			.andExpect(jsonPath("$.teams[1].people").value(1))
			.andExpect(jsonPath("$.teams[1].withheld").value(true))
			.andExpect(jsonPath("$.teams[1].note").value("fewer than 5 people: not shown"))
			.andExpect(jsonPath("$.teams[1].period").doesNotExist());
		String csv = mvc
			.perform(get("/api/v1/analytics/cycles?format=csv").header("Authorization", bearer(s.org().managerA())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("\"" + team + "\",\"Team A1 " + s.org().suffix() + "\",\"all\",")
			.contains(",1,,,,,,,,,,,,,,\"fewer than 5 people: not shown\"\r\n")
			.doesNotContain(",3,1,0.3333");
		String page = mvc.perform(get("/analytics/cycles").with(SignedIn.as(fixtures.viewerPerson(s.org().managerA()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("fewer than 5 people: not shown").doesNotContain("id=\"cycles-trend\"");
	}

	@Test
	void aTeamOfFivePeopleShowsItsFiguresWhileItsOnePersonSubTeamStaysWithheld() {
		fixtures.person(fixtures.admin(), "Fourth", "fourth", s.org().suffix(), Set.of(s.org().teamA()), Set.of());
		fixtures.person(fixtures.admin(), "Fifth", "fifth", s.org().suffix(), Set.of(s.org().teamA()), Set.of());

		CycleAnalyticsReport r = analytics.report(fixtures.viewer(s.org().managerA()), CycleAnalyticsFilter.DEFAULT);

		assertThat(r.totalWithheld()).isFalse();
		assertThat(r.total().people()).isEqualTo(5);
		assertThat(r.total().hadCycle()).isEqualTo(2);
		assertThat(r.teams()).extracting(TeamFigures::id, TeamFigures::withheld)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(s.org().teamA(), false),
					org.assertj.core.groups.Tuple.tuple(s.org().subTeamA(), true));
		assertThat(r.teams().get(1).period().hadCycle()).isZero();
	}

	private String bearer(PersonId who) {
		return "Bearer " + fixtures.token(who);
	}
}
