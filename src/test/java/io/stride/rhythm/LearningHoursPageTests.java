package io.stride.rhythm;

import java.util.List;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning hours page as a signed-in manager gets it: the first period added from the empty page, hours edited in
 * the table with refusals next to their field, the period changed and removed, the CSV, and 404 for others.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LearningHoursPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningHours hours;

	@Autowired
	MovableClock clock;

	Org org;

	String page;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		page = "/teams/" + org.teamA().value() + "/learning-hours";
	}

	@Test
	void aManagerAddsTheFirstPeriodAndGivesHoursInTheTable() throws Exception {
		String empty = mvc.perform(get(page).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("<h1>Learning hours of Team A", "id=\"no-period\"", "Add the current sprint",
				"<label for=\"name\">", "<label for=\"startsOn\">", "name=\"_csrf\"")
			.doesNotContain("id=\"hours-form\"");

		String refused = mvc.perform(post(page + "/periods").with(as(org.managerA())).with(csrf())
				.param("name", "Sprint 1").param("startsOn", "2030-01-07").param("endsOn", "2030-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"endsOn-error\"", "on or after the first day", "aria-invalid=\"true\"",
				"value=\"Sprint 1\"");
		mvc.perform(post(page + "/periods").with(as(org.managerA())).with(csrf())
				.param("name", "Sprint 1").param("startsOn", "2030-01-07").param("endsOn", "2030-01-20"))
			.andExpect(status().is3xxRedirection());
		LearningPeriod sprint = hours.periods(fixtures.viewer(org.managerA()), org.teamA()).get(0);

		String table = mvc.perform(get(page).param("period", sprint.id()).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(table).contains("id=\"hours-form\"", "Hours given to Learner A", "10 working days", "at most 80 hours",
				"Learner A1", "Download as CSV");

		String tooMany = mvc.perform(post(page + "/" + sprint.id()).with(as(org.managerA())).with(csrf())
				.param("revision", "1").param("personId", org.learnerA().value(), org.learnerSubA().value())
				.param("hours", "90", "4"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(tooMany).contains("At most 80 hours", "value=\"90\"", "aria-invalid=\"true\"");
		mvc.perform(post(page + "/" + sprint.id()).with(as(org.managerA())).with(csrf())
				.param("revision", "1").param("personId", org.learnerA().value(), org.learnerSubA().value())
				.param("hours", "12", "4.5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page + "?period=" + sprint.id()));
		HoursPlan plan = hours.plan(fixtures.viewer(org.managerA()), org.teamA(), sprint.id());
		assertThat(plan.people()).filteredOn(p -> p.person().equals(org.learnerSubA()))
			.singleElement().satisfies(p -> assertThat(p.allocatedHours()).isEqualByComparingTo("4.5"));
		String csv = mvc.perform(get(page + ".csv").param("period", sprint.id()).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().toList()).filteredOn(l -> l.contains(org.learnerA().value())).singleElement()
			.satisfies(l -> assertThat(l).contains(",12.0,"));
	}

	@Test
	void aManagerChangesAndRemovesAPeriodAndOthersGetNotFound() throws Exception {
		LearningPeriod sprint = hours.createPeriod(fixtures.viewer(org.managerA()), org.teamA(),
				new LearningHours.PeriodDraft("Sprint 1", "2030-01-07", "2030-01-20"));
		String edit = page + "/periods/" + sprint.id() + "/edit";
		assertThat(mvc.perform(get(edit).with(as(org.managerA()))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("<h1>Change Sprint 1</h1>", "value=\"2030-01-07\"",
					"data-confirm=\"Remove this period");
		mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "1").param("name", "Sprint one")
				.param("startsOn", "2030-01-07").param("endsOn", "2030-01-17"))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "1")
				.param("name", "Older").param("startsOn", "2030-01-07").param("endsOn", "2030-01-17"))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString()).contains("saved elsewhere", "value=\"Older\"");

		for (PersonId outsider : List.of(org.managerB(), org.learnerA())) {
			mvc.perform(get(page).with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get(edit).with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get(page + ".csv").with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(post(page + "/periods/" + sprint.id() + "/delete").with(as(outsider)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		mvc.perform(post(page + "/periods/" + sprint.id() + "/delete").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(hours.periods(fixtures.viewer(org.managerA()), org.teamA())).isEmpty();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
