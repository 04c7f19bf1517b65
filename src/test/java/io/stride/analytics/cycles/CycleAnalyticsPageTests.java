package io.stride.analytics.cycles;

import io.stride.analytics.cycles.CycleAnalyticsFixtures.Story;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The {@code /analytics/cycles} page: its tables with captions, the filter with mistakes at the field, the empty
 * state, the CSV download, and who may open it.
 */
// the story's teams have one to three people: figures for groups of any size (CycleAnalyticsMinimumGroupTests
// checks that groups of fewer than five are withheld by default)
@SpringBootTest(properties = "stride.analytics.cycles.minimum-group=1")
@AutoConfigureMockMvc
class CycleAnalyticsPageTests {

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
	void aManagerSeesTheTablesOfTheirTeams() throws Exception {
		String html = page(s.org().managerA(), "").getResponse().getContentAsString();
		String teamA = "team-" + s.org().teamA().value();
		assertThat(html).contains("<h1>Learning cycles: figures</h1>", "id=\"cycles-filter\"", "<label for=\"team\"",
				"<label for=\"from\"", "<label for=\"to\"")
			.contains("id=\"cycles-trend\"", "id=\"cycles-teams\"", "id=\"cycles-team-months\"", "<caption")
			.contains("<td id=\"total-people\">3</td>", "<td id=\"total-active\">1 (33%)</td>",
					"<td id=\"total-goals\">4</td>", "<td id=\"total-organization\">1</td>",
					"<td id=\"total-median\">3.0</td>", "<td id=\"total-answered\">1 (50%)</td>")
			.contains("<td id=\"" + teamA + "-given\">2</td>",
					"<td id=\"month-" + s.month().minusMonths(2) + "-active\">1 (33%)</td>")
			.contains("Team A1 " + s.org().suffix(), "class=\"sparkline\"", "/analytics/cycles.csv")
			.contains("value=\"" + s.today() + "\"")
			.doesNotContain("Team B " + s.org().suffix(), "id=\"cycles-empty\"");
	}

	@Test
	void aTeamWithoutCyclesSaysSo() throws Exception {
		String html = page(s.org().managerB(), "?from=" + s.month().minusMonths(3).atDay(1) + "&to="
				+ s.month().minusMonths(3).atEndOfMonth()).getResponse().getContentAsString();
		assertThat(html).contains("id=\"cycles-empty\"", "No one in your teams has started a learning cycle in this period yet")
			.doesNotContain("id=\"cycles-trend\"");
	}

	@Test
	void mistakesInTheFilterAreShownAtTheField() throws Exception {
		MvcResult bad = page(s.org().managerA(), "?from=2026-03-10&to=2026-03-01");
		assertThat(bad.getResponse().getStatus()).isEqualTo(422);
		assertThat(bad.getResponse().getContentAsString()).contains("id=\"filter-problem\"", "id=\"to-error\"",
				"aria-invalid=\"true\"", "before the start date", "value=\"2026-03-10\"")
			.doesNotContain("id=\"cycles-trend\"");
	}

	@Test
	void theCsvDownloadHasTheSameFigures() throws Exception {
		MvcResult csv = mvc.perform(get("/analytics/cycles.csv").param("team", s.org().subTeamA().value())
				.with(session(s.org().managerA()))).andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("stride-learning-cycles-team-a1-");
		assertThat(csv.getResponse().getContentAsString()).contains("\"Team A1 " + s.org().suffix() + " (all)\",\"all\"")
			.contains(",1,0,0.0,1,1,0,0,1,1,0,,0,0,,\r\n");
	}

	@Test
	void learnersAndOtherManagersTeamsAreNotFound() throws Exception {
		assertThat(page(s.org().learnerA(), "").getResponse().getStatus()).isEqualTo(404);
		assertThat(page(s.org().managerA(), "?team=" + s.org().teamB().value()).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/analytics/cycles.csv").with(session(s.org().learnerB()))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theTeamPageLinksToTheFigures() throws Exception {
		String html = mvc.perform(get("/teams/" + s.org().teamA().value()).with(session(s.org().managerA())))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"team-cycle-figures\"", "/analytics/cycles?team=" + s.org().teamA().value());
	}

	@Test
	void libraryHealthLinksToTheFiguresForTheLearningTeam() throws Exception {
		String html = mvc.perform(get("/analytics/library").with(session(fixtures.admin().id()))).andReturn()
			.getResponse().getContentAsString();
		assertThat(html).contains("id=\"cycle-figures-link\"", "href=\"/analytics/cycles\"");
		String manager = mvc.perform(get("/analytics/library").with(session(s.org().managerA()))).andReturn()
			.getResponse().getContentAsString();
		assertThat(manager).doesNotContain("id=\"cycle-figures-link\"");
	}

	private MvcResult page(PersonId who, String query) throws Exception {
		return mvc.perform(get("/analytics/cycles" + query).with(session(who))).andReturn();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor session(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
