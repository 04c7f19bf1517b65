package io.stride.rhythm;

import java.time.LocalDate;
import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.identity.PersonId;
import io.stride.support.CapabilityRows;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rituals, session and "addressed to you" pages: empty states that say what to do first, labelled forms with CSRF,
 * errors at the field, the fourth intervention refused on the page with why, and a proposal taken into the goal form.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class RhythmPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	@Autowired
	Rituals rituals;

	@Autowired
	Sessions sessions;

	@Autowired
	Interventions interventions;

	@Autowired
	LearningCycles cycles;

	@Autowired
	LearningHours learningHours;

	Org org;

	CapabilityId objections;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
	}

	@Test
	void aManagerDeclaresARitualFromTheTeamsPage() throws Exception {
		String path = "/teams/" + org.teamA().value() + "/rituals";
		assertThat(page(get(path), org.managerA())).contains("<h1>Rituals of Team A " + org.suffix(), "id=\"no-rituals\"",
				"declare it below", "<label for=\"timeZone\">", "<label for=\"agendaMinutes\">", "name=\"_csrf\"");
		String refused = mvc.perform(post(path).with(as(org.managerA())).with(csrf()).param("kind", "RETROSPECTIVE")
				.param("cadence", "EVERY_TWO_WEEKS").param("firstDate", tomorrow()).param("firstTime", "15:00")
				.param("timeZone", "Lisbon").param("durationMinutes", "60").param("agendaMinutes", "20"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"timeZone-error\"", "is not a time zone", "aria-invalid=\"true\"");
		mvc.perform(post(path).with(as(org.managerA())).with(csrf()).param("kind", "RETROSPECTIVE")
				.param("cadence", "EVERY_TWO_WEEKS").param("firstDate", tomorrow()).param("firstTime", "15:00")
				.param("timeZone", "Europe/Lisbon").param("durationMinutes", "60").param("agendaMinutes", "20"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/rituals/*"));
		assertThat(page(get(path), org.managerA())).contains("id=\"ritual-list\"", "Retrospective", "Every two weeks",
				"20 of 60 min");
		mvc.perform(get(path).with(as(org.learnerA()))).andExpect(status().isNotFound());
	}

	@Test
	void theRitualPageListsItsMeetingsAndPreparesASession() throws Exception {
		Ritual ritual = declare();
		String page = page(get("/rituals/" + ritual.id().value()), org.managerA());
		assertThat(page).contains("Recent and upcoming meetings", "Prepare the session", "id=\"no-sessions\"",
				"data-confirm=\"Retire this ritual?", "name=\"revision\" value=\"1\"");
		var next = rituals.get(fixtures.viewer(org.managerA()), ritual.id()).meetings().get(0);
		String location = mvc.perform(post("/rituals/" + ritual.id().value() + "/sessions").with(as(org.managerA()))
				.with(csrf()).param("startsAt", next.startsAt().toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/sessions/");
		String session = page(get(location), org.managerA());
		assertThat(session).contains("id=\"pre-read-link\"", location + "/pre-read", "id=\"no-gaps\"",
				"id=\"no-interventions\"", "Interventions (0 of 3)", "<label for=\"kind\">", "<label for=\"ownerId\">",
				"<label for=\"dueOn\">", "<label for=\"metricId\">");
		mvc.perform(get(location).with(as(org.managerB()))).andExpect(status().isNotFound());
		// a stale edit is refused on the page
		mvc.perform(post("/rituals/" + ritual.id().value() + "/edit").with(as(org.managerA())).with(csrf())
				.param("revision", "1").param("kind", "QUARTERLY_BUSINESS_REVIEW").param("cadence", "QUARTERLY")
				.param("firstDate", tomorrow()).param("firstTime", "09:00").param("durationMinutes", "90"))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(post("/rituals/" + ritual.id().value() + "/edit").with(as(org.managerA())).with(csrf())
				.param("revision", "1").param("kind", "QUARTERLY_BUSINESS_REVIEW").param("cadence", "QUARTERLY")
				.param("firstDate", tomorrow()).param("firstTime", "09:00").param("durationMinutes", "60"))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString()).contains("changed elsewhere");
	}

	@Test
	void theFourthInterventionIsRefusedOnThePageWithWhy() throws Exception {
		SessionId session = session();
		var manager = fixtures.viewer(org.managerA());
		rows.holds(org.learnerSubA(), objections, 1, null);
		for (int i = 1; i <= 3; i++) {
			interventions.record(manager, session, new InterventionDraft("PAIR_OR_SHADOW", objections.value(),
					org.learnerA().value(), due(), null, "Shadow call " + i, null, org.learnerSubA().value(), null, null));
		}
		String full = page(get("/sessions/" + session.value()), org.managerA());
		assertThat(full).contains("Interventions (3 of 3)", "id=\"three-recorded\"", "Shadow call 3", "Mark done");
		String refused = mvc.perform(post("/sessions/" + session.value() + "/interventions").with(as(org.managerA()))
				.with(csrf()).param("kind", "ALLOCATE_HOURS").param("capabilityId", objections.value())
				.param("ownerId", org.managerA().value()).param("dueOn", due()).param("description", "Four hours")
				.param("hours", "4"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"kind-error\"", "at most three interventions", "Four hours");
	}

	@Test
	void notesSavedMeanwhileAreShownBesideOnesOwnInsteadOfBeingOverwritten() throws Exception {
		SessionId session = session();
		String opened = page(get("/sessions/" + session.value()), org.managerA());
		assertThat(opened).contains("name=\"notesBefore\" value=\"\"");
		mvc.perform(post("/sessions/" + session.value()).with(as(org.managerA())).with(csrf())
				.param("notes", "Price objections came up twice.").param("notesBefore", ""))
			.andExpect(status().is3xxRedirection());
		String conflict = mvc.perform(post("/sessions/" + session.value()).with(as(org.managerA())).with(csrf())
				.param("notes", "Renewals slipped.").param("notesBefore", ""))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		assertThat(conflict).contains("id=\"their-notes\"", "Price objections came up twice.", "Renewals slipped.",
				"Your notes (not saved yet", "name=\"notesBefore\" value=\"Price objections came up twice.\"");
		mvc.perform(post("/sessions/" + session.value()).with(as(org.managerA())).with(csrf())
				.param("notes", "Price objections came up twice. Renewals slipped.")
				.param("notesBefore", "Price objections came up twice."))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get("/sessions/" + session.value()), org.managerA()))
			.contains("Price objections came up twice. Renewals slipped.</textarea>");
	}

	@Test
	void aManagerEditsAnInterventionOnItsPageAndAStaleFormIsRefused() throws Exception {
		SessionId session = session();
		LocalDate today = LocalDate.now(clock);
		LearningPeriod sprint = learningHours.createPeriod(fixtures.viewer(org.managerA()), org.teamA(),
				new LearningHours.PeriodDraft("Sprint", today.toString(), today.plusDays(13).toString()));
		Intervention hours = interventions.record(fixtures.viewer(org.managerA()), session, new InterventionDraft(
				"ALLOCATE_HOURS", objections.value(), org.managerA().value(), due(), null, "Two hours a week", null, null,
				"8", null));
		String edit = "/interventions/" + hours.id().value() + "/edit";
		assertThat(page(get(edit), org.managerA())).contains("<label for=\"hours\">", "value=\"8.0\"",
				"name=\"revision\" value=\"1\"", "Two hours a week");
		mvc.perform(get(edit).with(as(org.learnerA()))).andExpect(status().isNotFound());
		mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "1")
				.param("ownerId", org.learnerA().value()).param("dueOn", due()).param("description", "Three hours a week")
				.param("hours", "12"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get("/sessions/" + session.value()), org.managerA())).contains("Three hours a week",
				"Hours: 12.0", "Plan the learning hours");
		// the plan follows: the owner's 8 hours went back, learner A has the 12
		HoursPlan plan = learningHours.plan(fixtures.viewer(org.managerA()), org.teamA(), sprint.id());
		assertThat(plan.people()).filteredOn(p -> p.person().equals(org.learnerA())).singleElement()
			.satisfies(p -> assertThat(p.allocatedHours()).isEqualByComparingTo("12"));
		assertThat(plan.people()).filteredOn(p -> p.person().equals(org.managerA())).singleElement()
			.satisfies(p -> assertThat(p.allocatedHours()).isNull());
		assertThat(mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "1")
				.param("ownerId", org.learnerA().value()).param("dueOn", due()).param("description", "Stale")
				.param("hours", "2"))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString()).contains("changed elsewhere");
		assertThat(mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "2")
				.param("ownerId", org.learnerB().value()).param("dueOn", due()).param("description", "Elsewhere")
				.param("hours", "-1"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString()).contains("id=\"ownerId-error\"", "id=\"hours-error\"");
	}

	@Test
	void aGoalProposedInASessionIsTakenIntoTheGoalFormPrefilled() throws Exception {
		SessionId session = session();
		Intervention proposal = interventions.record(fixtures.viewer(org.managerA()), session, new InterventionDraft(
				"PROPOSE_CYCLE_GOAL", objections.value(), org.managerA().value(), due(), null,
				"Practise price objections in role plays", null, org.learnerA().value(), null, null));
		String mine = page(get("/interventions"), org.learnerA());
		assertThat(mine).contains("<h1>Addressed to you</h1>", "Goals proposed to you",
				"Practise price objections in role plays", "Take it", "Leave it", "id=\"no-interventions\"");
		assertThat(page(get("/interventions"), org.learnerB())).contains("id=\"no-proposals\"", "id=\"no-interventions\"");

		var cycle = cycles.start(fixtures.viewer(org.learnerA()), new NewCycle("Spring " + org.suffix(),
				null, null, null, List.of(), null, null, null));
		String form = mvc.perform(post("/interventions/" + proposal.id().value() + "/take").with(as(org.learnerA()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(form).startsWith("/cycles/" + cycle.id().value() + "/goals/new?what=");
		var goalForm = get(form.substring(0, form.indexOf('?')));
		for (String pair : form.substring(form.indexOf('?') + 1).split("&")) {
			String[] kv = pair.split("=", 2);
			goalForm.param(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(page(goalForm, org.learnerA())).contains("Practise price objections in role plays",
				"value=\"" + objections.value() + ":0\" selected");
		assertThat(page(get("/interventions"), org.learnerA())).contains("You took it.");
	}

	private SessionId session() {
		Ritual ritual = declare();
		var manager = fixtures.viewer(org.managerA());
		return sessions.open(manager, ritual.id(), rituals.get(manager, ritual.id()).meetings().get(0).startsAt()).id();
	}

	private Ritual declare() {
		return rituals.declare(fixtures.viewer(org.managerA()), org.teamA(), new RitualDraft("QUARTERLY_BUSINESS_REVIEW",
				"QBR " + org.suffix(), "WEEKLY", tomorrow(), "09:00", "UTC", "120", "30", "", ""));
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, PersonId who)
			throws Exception {
		return mvc.perform(request.with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private String tomorrow() {
		return LocalDate.now(clock).plusDays(1).toString();
	}

	private String due() {
		return LocalDate.now(clock).plusDays(30).toString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
