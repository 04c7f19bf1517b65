package io.stride.cycles;

import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The goal page with its discussion and produced links, inviting to discuss, the check-in form and closing. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CycleWorkPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	LearningCycles cycles;

	@Autowired
	CheckIns checkIns;

	Org org;

	Viewer ana;

	LearningCycle cycle;

	Goal workshop;

	Goal sql;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
		cycle = cycles.start(ana, new NewCycle("Spring", null, 45, Visibility.MANAGER, List.of(), null, null, null));
		workshop = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
		sql = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));
	}

	@Test
	void anInvitedColleagueDiscussesAGoalAndTheOwnerAddsWhatItProduced() throws Exception {
		String invite = mvc.perform(get("/cycles/" + cycle.id().value() + "/invite").with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(invite).contains("<h1>Invite colleagues to discuss</h1>", "<label for=\"email\">",
				"<label for=\"message\">", "name=\"_csrf\"");
		mvc.perform(post("/cycles/" + cycle.id().value() + "/invite").with(as(org.learnerA())).with(csrf())
			.param("email", org.email("learner-b"))
			.param("message", "Your view?"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/cycles/" + cycle.id().value() + "/invite").with(as(org.learnerA())).with(csrf())
			.param("email", "nobody@example.com"))
			.andExpect(status().isUnprocessableEntity());

		String goalPage = "/goals/" + workshop.id().value();
		mvc.perform(post(goalPage + "/comments").with(as(org.learnerB())).with(csrf())
			.param("body", "Which <b>customers</b>?"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(goalPage + "#discussion"));
		mvc.perform(post(goalPage + "/comments").with(as(org.learnerB())).with(csrf()).param("body", " "))
			.andExpect(status().isUnprocessableEntity());
		mvc.perform(post(goalPage + "/links").with(as(org.learnerA())).with(csrf())
			.param("title", "Workshop slides")
			.param("url", "https://slides.example.com/w1"))
			.andExpect(status().is3xxRedirection());
		String refused = mvc.perform(post(goalPage + "/links").with(as(org.learnerA())).with(csrf())
			.param("title", "Bad link")
			.param("url", "javascript:alert(1)"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"link-url-error\"", "value=\"Bad link\"");
		checkIns.checkIn(ana, cycle.id(), List.of(new CheckIns.GoalCheckIn(workshop.id(), "Agenda drafted", 25, 40)));

		String owner = mvc.perform(get(goalPage).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(owner).contains("<h1>Run a customer workshop</h1>", "Which &lt;b&gt;customers&lt;/b&gt;?",
				"Learner B", ">Workshop slides</a>", "Agenda drafted", "25% done", "40 minutes",
				"href=\"/goals/" + workshop.id().value() + "/edit\"",
				"href=\"/goals/" + workshop.id().value() + "/validation\"",
				"href=\"/goals/" + workshop.id().value() + "/help\"",
				"href=\"/cycles/" + cycle.id().value() + "\"", "<label for=\"link-title\">", "<label for=\"body\">",
				"<summary>Reply");
		String reader = mvc.perform(get(goalPage).with(as(org.learnerB())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(reader).contains("Agenda drafted", ">Workshop slides</a>").doesNotContain("id=\"link-form\"", "/edit\"");
		mvc.perform(get(goalPage).with(as(org.learnerSubA()))).andExpect(status().isNotFound());
		mvc.perform(get("/cycles/" + cycle.id().value() + "/invite").with(as(org.learnerB())))
			.andExpect(status().isForbidden());
	}

	@Test
	void aManagerWhoOnlySeesTheCycleExistsSeesWhatTheGoalServesAndMayComment() throws Exception {
		LearningCycle named = cycles.start(fixtures.viewer(org.learnerSubA()),
				new NewCycle("Private", null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		Goal goal = cycles.addGoal(fixtures.viewer(org.learnerSubA()), named.id(), GoalDraft.of("A private goal"));

		String page = mvc.perform(get("/goals/" + goal.id().value()).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("id=\"existence-only\"", "Themselves", "id=\"comment-form\"")
			.doesNotContain("A private goal", "id=\"check-ins\"");
		mvc.perform(post("/goals/" + goal.id().value() + "/comments").with(as(org.managerA())).with(csrf())
			.param("body", "Glad to support this"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theCheckInFormCoversEveryGoalAndKeepsWhatWasTypedWhenRefused() throws Exception {
		String path = "/cycles/" + cycle.id().value() + "/check-in";
		String w = workshop.id().value();
		String s = sql.id().value();
		String form = mvc.perform(get(path).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<h1>Check in</h1>", "<legend><strong>Run a customer workshop</strong></legend>",
				"<label for=\"note-" + w + "\">", "<label for=\"progress-" + s + "\">", "<label for=\"minutes-" + s + "\">");

		String refused = mvc.perform(post(path).with(as(org.learnerA())).with(csrf())
			.param("note-" + w, "Agenda drafted").param("progress-" + w, "30").param("minutes-" + w, "45")
			.param("note-" + s, "").param("progress-" + s, "80"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"note-" + s + "-error\"", "Agenda drafted");
		assertThat(checkIns.ofCycle(ana, cycle.id())).isEmpty();

		mvc.perform(post(path).with(as(org.learnerA())).with(csrf())
			.param("note-" + w, "Agenda drafted").param("progress-" + w, "30").param("minutes-" + w, "45")
			.param("note-" + s, "").param("progress-" + s, "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(path));
		LearningCycle after = cycles.cycle(ana, cycle.id());
		assertThat(after.goals()).extracting(Goal::progress).containsExactly(30, 0);
		assertThat(after.goals().get(0).minutesLogged()).isEqualTo(45);
		mvc.perform(get(path).with(as(org.managerA()))).andExpect(status().isForbidden());
	}

	@Test
	void closingAsksForAnOutcomePerGoalAndCarriesTheChosenOnesIntoANewCycle() throws Exception {
		String path = "/cycles/" + cycle.id().value() + "/close";
		String w = workshop.id().value();
		String s = sql.id().value();
		String form = mvc.perform(get(path).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<h1>Close the cycle</h1>", "<legend>Did you learn it?</legend>",
				"<label for=\"reflection-" + w + "\">", "<label for=\"carry-" + s + "\">", "<label for=\"days\">");

		String refused = mvc.perform(post(path).with(as(org.learnerA())).with(csrf())
			.param("outcome-" + w, "LEARNED").param("reflection-" + w, "It went well")
			.param("carry", s).param("days", "45"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"outcome-" + s + "-error\"", "It went well");
		assertThat(cycles.cycle(ana, cycle.id()).active()).isTrue();

		mvc.perform(post(path).with(as(org.learnerA())).with(csrf())
			.param("outcome-" + w, "LEARNED").param("reflection-" + w, "It went well")
			.param("outcome-" + s, "NOT_LEARNED").param("nextStep-" + s, "Take the SQL course")
			.param("carry", s).param("days", "45"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/cycles/*"));
		assertThat(cycles.cycle(ana, cycle.id()).status()).isEqualTo(CycleStatus.CLOSED);
		assertThat(cycles.active(ana)).hasValueSatisfying(next -> {
			assertThat(next.goals()).extracting(Goal::what).containsExactly("Write SQL");
			assertThat(next.days()).isEqualTo(45);
		});
		mvc.perform(get(path).with(as(org.learnerA()))).andExpect(status().isConflict());
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}
}
