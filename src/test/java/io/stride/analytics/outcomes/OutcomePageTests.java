package io.stride.analytics.outcomes;

import java.util.List;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outcome pages a manager reaches from their team's progress page: define a metric, enter and import values, read
 * the metric beside the rollout, delete and undo. Team A's tree has four members, as in {@link OutcomeApiTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Outcomes outcomes;

	@Autowired
	CourseAnalyticsFixtures history;

	Org org;

	PersonId learnerA2;

	Course course;

	@BeforeEach
	void teamOfFour() {
		org = fixtures.organization();
		learnerA2 = fixtures.person(fixtures.admin(), "Learner A2", "learner-a2", org.suffix(), Set.of(org.teamA()),
				Set.of());
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Escalations " + org.suffix());
	}

	@Test
	void aManagerFindsOutcomesOnTheTeamPageAndDefinesAMetric() throws Exception {
		Document team = page("/teams/" + org.teamA().value(), org.managerA());
		assertThat(team.select("#team-outcomes").attr("href")).isEqualTo("/teams/" + org.teamA().value() + "/outcomes");
		Document list = page("/teams/" + org.teamA().value() + "/outcomes", org.managerA());
		assertThat(list.select("#no-outcomes")).hasSize(1);
		Document form = page("/teams/" + org.teamA().value() + "/outcomes/new", org.managerA());
		assertThat(form.select("#linked-courses label").eachText()).contains(course.title());

		// nothing chosen but a name: each missing field says what it needs, the name stays in the form
		MockHttpServletResponse refused = mvc.perform(post("/teams/" + org.teamA().value() + "/outcomes")
			.param("name", "Escalations per week")
			.param("unit", "")
			.with(as(org.managerA()))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse();
		Document again = Jsoup.parse(refused.getContentAsString());
		assertThat(again.select("#name").val()).isEqualTo("Escalations per week");
		assertThat(again.select("#unit").attr("aria-invalid")).isEqualTo("true");
		assertThat(again.select("#unit-error").text()).contains("Say what a value counts");
		assertThat(again.select("#courseIds-error").text()).contains("Link at least one course");

		String location = mvc.perform(post("/teams/" + org.teamA().value() + "/outcomes")
			.param("name", "Escalations per week")
			.param("unit", "escalations")
			.param("direction", "LOWER_IS_BETTER")
			.param("granularity", "WEEK")
			.param("courseIds", course.id().value())
			.with(as(org.managerA()))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		Document metric = page(location, org.managerA());
		assertThat(metric.select("h1").text()).isEqualTo("Escalations per week");
		assertThat(metric.select("#outcome-missing").text()).startsWith("No values yet");
		assertThat(metric.select("#outcome-caution").text())
			.isEqualTo("This shows correlation, not proof: other changes in the same weeks can explain it.");
		assertThat(page("/teams/" + org.teamA().value() + "/outcomes", org.managerA()).select("#outcome-list th a").text())
			.isEqualTo("Escalations per week");
	}

	@Test
	void theMetricPageShowsTheChangeAroundTheRolloutWithATableBehindTheChart() throws Exception {
		String id = escalations();
		// the data of OutcomeApiTests: 10, 12 | 8, 6, 5, 7 around the rollout week 03-16; means 11 and 6.5,
		// change -4.5 = -4.5 / 11 = -40.909…% → "-4.5 (-40.91%)"
		Document page = page("/outcomes/" + id, org.managerA());
		assertThat(page.select("#outcome-rollout").text()).startsWith("Rollout week: 2026-03-16 to 2026-03-22.");
		assertThat(page.select("#outcome-before-after tbody tr").eachText()).containsExactly("Before 11 2", "After 6.5 4",
				"Change -4.5 (-40.91%): it moved in the good direction (lower is better).");
		assertThat(page.select("#outcome-rule").text()).contains("at least half of the team's current members");
		assertThat(page.select("svg.chart circle")).hasSize(6);
		assertThat(page.select("svg.chart").attr("aria-hidden")).isEqualTo("true");
		assertThat(page.select("#outcome-periods caption").text()).contains("Escalations per week and the rollout, per week");
		assertThat(page.select("#outcome-periods th[scope=col]")).isNotEmpty();
		assertThat(page.select("#outcome-periods tbody tr").eachText()).containsExactly(
				"2026-03-02 10 0 0% before Edit the value for 2026-03-02 Delete",
				"2026-03-09 12 1 25% before Edit the value for 2026-03-09 Delete",
				"2026-03-16 8 2 50% after (rollout week) Edit the value for 2026-03-16 Delete",
				"2026-03-23 6 2 50% after Edit the value for 2026-03-23 Delete",
				"2026-03-30 5 3 75% after Edit the value for 2026-03-30 Delete",
				"2026-04-06 7 3 75% after Edit the value for 2026-04-06 Delete");

		String csv = mvc.perform(get(page.select("#outcome-csv").attr("href")).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.split("\r\n")).containsExactly("period_start,last_day,value,members_done,team_size,share_done,side",
				"2026-03-02,2026-03-08,10.0,0,4,0.0,before", "2026-03-09,2026-03-15,12.0,1,4,0.25,before",
				"2026-03-16,2026-03-22,8.0,2,4,0.5,after", "2026-03-23,2026-03-29,6.0,2,4,0.5,after",
				"2026-03-30,2026-04-05,5.0,3,4,0.75,after", "2026-04-06,2026-04-12,7.0,3,4,0.75,after");

		// mastered: nobody yet, so the page says the rollout is not reached
		Document mastered = page("/outcomes/" + id + "?basis=mastered", org.managerA());
		assertThat(mastered.select("#outcome-missing").text()).startsWith("The rollout has not been reached yet: 0 of 4");
		assertThat(mastered.select("#outcome-before-after")).isEmpty();
	}

	@Test
	void valuesAreEnteredAndImportedThroughTheForms() throws Exception {
		String id = outcomes.define(fixtures.viewer(org.managerA()), org.teamA(), change("Escalations", null)).id();
		MockHttpServletResponse refused = mvc.perform(post("/outcomes/" + id + "/values").param("period", "2026-03-04")
			.param("value", "12,5")
			.with(as(org.managerA()))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse();
		Document again = Jsoup.parse(refused.getContentAsString());
		assertThat(again.select("#period-error").text()).contains("weeks are named by their Monday: use 2026-03-02");
		assertThat(again.select("#value").val()).isEqualTo("12,5");
		mvc.perform(post("/outcomes/" + id + "/values").param("period", "2026-03-02")
			.param("value", "12,5")
			.with(as(org.managerA()))
			.with(csrf())).andExpect(redirectedUrl("/outcomes/" + id + "?basis=completed"));
		assertThat(outcomes.values(fixtures.viewer(org.managerA()), id).values()).containsExactly(12.5);

		MockHttpServletResponse bad = mvc.perform(multipart("/outcomes/" + id + "/values/import")
			.file(new MockMultipartFile("file", "values.csv", "text/csv",
					"period,value\n2026-03-09,3\n2026-03-10,4\n".getBytes()))
			.with(as(org.managerA()))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse();
		Document badPage = Jsoup.parse(bad.getContentAsString());
		assertThat(badPage.select("#import-problem p").text()).isEqualTo("Nothing was imported: 1 line needs fixing.");
		assertThat(badPage.select("#import-problem li").text()).startsWith("Line 3: 2026-03-10 is a Tuesday");

		byte[] big = new byte[Outcomes.MAX_IMPORT_BYTES + 1];
		mvc.perform(multipart("/outcomes/" + id + "/values/import")
			.file(new MockMultipartFile("file", "values.csv", "text/csv", big))
			.with(as(org.managerA()))
			.with(csrf())).andExpect(status().isContentTooLarge());

		mvc.perform(multipart("/outcomes/" + id + "/values/import")
			.file(new MockMultipartFile("file", "values.csv", "text/csv",
					"period,value\n2026-03-02,11\n2026-03-09,3\n".getBytes()))
			.with(as(org.managerA()))
			.with(csrf())).andExpect(redirectedUrl("/outcomes/" + id))
			.andExpect(result -> assertThat(result.getFlashMap().get("notice")).isEqualTo("Imported: 1 added, 1 updated."));
		assertThat(outcomes.values(fixtures.viewer(org.managerA()), id).values()).containsExactly(11.0, 3.0);
	}

	@Test
	void aStaleEditIsRefusedAndKeepsWhatWasTyped() throws Exception {
		String id = outcomes.define(fixtures.viewer(org.managerA()), org.teamA(), change("Escalations", null)).id();
		outcomes.change(fixtures.viewer(org.managerA()), id, change("Escalations to second line", 1));
		MockHttpServletResponse refused = mvc.perform(post("/outcomes/" + id).param("name", "Escalations per week")
			.param("unit", "escalations")
			.param("direction", "LOWER_IS_BETTER")
			.param("granularity", "WEEK")
			.param("courseIds", course.id().value())
			.param("revision", "1")
			.with(as(org.managerA()))
			.with(csrf())).andExpect(status().isConflict()).andReturn().getResponse();
		Document again = Jsoup.parse(refused.getContentAsString());
		assertThat(again.select(".problem").text()).contains("changed by someone else");
		assertThat(again.select("#name").val()).isEqualTo("Escalations per week");
		assertThat(again.select("input[name=revision]").val()).isEqualTo("2");
	}

	@Test
	void deleteAsksFirstAndCanBeUndone() throws Exception {
		String id = outcomes.define(fixtures.viewer(org.managerA()), org.teamA(), change("Escalations", null)).id();
		Document confirm = page("/outcomes/" + id + "/delete", org.managerA());
		assertThat(confirm.select("h1").text()).isEqualTo("Delete “Escalations”?");
		mvc.perform(post("/outcomes/" + id + "/delete").with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/teams/" + org.teamA().value() + "/outcomes"));
		mvc.perform(get("/outcomes/" + id).with(as(org.managerA()))).andExpect(status().isNotFound());
		Document list = page("/teams/" + org.teamA().value() + "/outcomes", org.managerA());
		assertThat(list.select("#deleted-outcomes li").text()).startsWith("Escalations");
		mvc.perform(post("/outcomes/" + id + "/restore").with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/outcomes/" + id));
		page("/outcomes/" + id, org.managerA());
	}

	@Test
	void anotherTeamsManagerAndTheTeamsLearnersFindNothing() throws Exception {
		String id = outcomes.define(fixtures.viewer(org.managerA()), org.teamA(), change("Escalations", null)).id();
		for (PersonId outsider : List.of(org.managerB(), org.learnerA())) {
			mvc.perform(get("/outcomes/" + id).with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get("/outcomes/" + id + "/report.csv").with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get("/teams/" + org.teamA().value() + "/outcomes").with(as(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(post("/outcomes/" + id + "/delete").with(as(outsider)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		page("/outcomes/" + id, fixtures.admin().id());
	}

	/** The metric of OutcomeApiTests' hand-computed example, entered through the service. */
	private String escalations() {
		var manager = fixtures.viewer(org.managerA());
		String id = outcomes.define(manager, org.teamA(), change("Escalations per week", null)).id();
		String[] weeks = { "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06" };
		double[] values = { 10, 12, 8, 6, 5, 7 };
		for (int i = 0; i < weeks.length; i++) {
			outcomes.putValue(manager, id, weeks[i], values[i]);
		}
		String c = course.id().value();
		history.add(org.learnerA(), Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-03-10T09:00:00Z", true);
		history.add(org.learnerSubA(), Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-03-18T23:59:00Z", true);
		history.add(learnerA2, Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-04-01T10:00:00Z", true);
		return id;
	}

	private OutcomeMetricChange change(String name, Integer revision) {
		return new OutcomeMetricChange(name, "escalations", "LOWER_IS_BETTER", "WEEK", "", List.of(course.id().value()),
				revision);
	}

	private Document page(String path, PersonId person) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}
}
