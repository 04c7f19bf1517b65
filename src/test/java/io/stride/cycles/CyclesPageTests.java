package io.stride.cycles;

import java.util.List;

import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning cycle pages as a signed-in browser gets them: starting a cycle, the contract, the goal form that keeps
 * what was typed when refused, Draft my contract, the manager's team page and templates, and My learning.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CyclesPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	LearningCycles cycles;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aLearnerStartsACycleFromThePageAndATooShortOneIsRefusedAtTheFieldKeepingTheRest() throws Exception {
		String empty = page("/cycles", org.learnerA());
		assertThat(empty).contains("id=\"no-active-cycle\"", "Start a learning cycle", "id=\"cycles-link\"",
				"Shared with me", "Past cycles");
		String form = page("/cycles/new", org.learnerA());
		assertThat(form).contains("id=\"start-form\"", "value=\"60\"", "your manager always sees that your cycle exists",
				"name=\"_csrf\"", "id=\"from-blank\"");

		String refused = mvc.perform(post("/cycles").with(as(org.learnerA())).with(csrf()).param("days", "20")
				.param("title", "Kept as typed").param("visibility", "ORGANIZATION").param("from", "blank"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"days-error\"", "aria-invalid=\"true\"", "Kept as typed");
		assertThat(cycles.mine(fixtures.viewer(org.learnerA()))).isEmpty();

		String location = mvc.perform(post("/cycles").with(as(org.learnerA())).with(csrf()).param("days", "45")
				.param("title", "Autumn of workshops").param("visibility", "TEAM").param("from", "blank"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(page(location, org.learnerA())).contains("Autumn of workshops", "id=\"add-goal\"",
				"id=\"draft-link\"", "/check-in", "/close", "id=\"no-goals\"");
		assertThat(page("/cycles", org.learnerA())).contains("Autumn of workshops", "Open my contract");
	}

	@Test
	void theGoalFormKeepsWhatWasTypedWhenRefusedAndTheContractShowsTheGoalToReadersButOnlyItsExistenceToOthers()
			throws Exception {
		LearningCycle cycle = cycles.start(fixtures.viewer(org.learnerA()),
				new NewCycle("Named only", null, null, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Workshops 101 " + org.suffix());
		String base = "/cycles/" + cycle.id().value();
		assertThat(page(base + "/goals/new", org.learnerA())).contains("id=\"goal-form\"", "id=\"servesSelf\"",
				"id=\"courseSearch\"");

		String searched = mvc.perform(post(base + "/goals").with(as(org.learnerA())).with(csrf())
				.param("action", "search").param("what", "Run workshops, with customers").param("courseSearch",
						"Workshops 101 " + org.suffix()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(searched).contains("Run workshops, with customers", "id=\"found-" + course.id().value() + "\"");

		String refused = mvc.perform(post(base + "/goals").with(as(org.learnerA())).with(csrf()).param("action", "save")
				.param("what", "Run workshops, with customers").param("resourceTitle", "A book, with commas")
				.param("resourceUrl", "ftp://nope"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"why-error\"", "id=\"resources-error\"", "A book, with commas",
				"Run workshops, with customers");

		mvc.perform(post(base + "/goals").with(as(org.learnerA())).with(csrf()).param("action", "save")
				.param("what", "Run <b>workshops</b>").param("servesSelf", "true").param("courses", course.id().value())
				.param("resourceTitle", "Facilitation book").param("resourceUrl", "https://example.org/f"))
			.andExpect(status().is3xxRedirection());

		String own = page(base, org.learnerA());
		assertThat(own).contains("Run &lt;b&gt;workshops&lt;/b&gt;", "Workshops 101 " + org.suffix(),
				"Facilitation book", "/validation", "id=\"warnings\"").doesNotContain("<b>workshops</b>");
		String reader = page(base, org.learnerB());
		assertThat(reader).contains("Run &lt;b&gt;workshops&lt;/b&gt;").doesNotContain("id=\"add-goal\"", "Edit<span");
		String manager = page(base, org.managerA());
		assertThat(manager).contains("id=\"existence-only\"", "Goal 1: serves", "the person themselves", "Comment")
			.doesNotContain("workshops");
		mvc.perform(get(base).with(as(org.learnerSubA()))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/goals/new").with(as(org.learnerB()))).andExpect(status().isForbidden());
		mvc.perform(post(base + "/goals").with(as(org.learnerA())).param("what", "No CSRF").param("servesSelf", "true"))
			.andExpect(status().isForbidden());

		String learning = page("/learning", org.learnerA());
		assertThat(learning).contains("id=\"self-chosen\"", "Workshops 101 " + org.suffix(),
				"Self-chosen · from your learning contract");
	}

	@Test
	void draftMyContractAddsAProposedGoalOnlyWhenThePersonClicks() throws Exception {
		CapabilityId capability = capabilityRows.capability("Escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		capabilityRows.target(org.teamA(), capability, 2, 1, org.managerA());
		LearningCycle cycle = cycles.start(fixtures.viewer(org.learnerA()), NewCycle.blank(null));
		String base = "/cycles/" + cycle.id().value();

		String draft = page(base + "/draft", org.learnerA());
		assertThat(draft).contains("Draft my contract", "Your team is short of", "Escalations " + org.suffix(),
				"Add this goal");
		assertThat(cycles.cycle(fixtures.viewer(org.learnerA()), cycle.id()).goals()).isEmpty();

		mvc.perform(post(base + "/goals").with(as(org.learnerA())).with(csrf()).param("action", "save")
				.param("what", "Reach “Can do it alone” in Escalations " + org.suffix())
				.param("capabilityLevel", capability.value() + ":2").param("servesSelf", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(cycles.cycle(fixtures.viewer(org.learnerA()), cycle.id()).goals()).singleElement()
			.satisfies(g -> assertThat(g.capability().targetLevelName()).isEqualTo("Can do it alone"));
		mvc.perform(get(base + "/draft").with(as(org.managerA()))).andExpect(status().isForbidden());
	}

	@Test
	void aManagersTeamPageListsPeopleWithActiveCyclesFirstAndTemplatesAreKeptFromThePage() throws Exception {
		cycles.start(fixtures.viewer(org.learnerSubA()), NewCycle.blank("Sub team cycle"));
		String teamPage = page("/teams/" + org.teamA().value() + "/cycles", org.managerA());
		assertThat(teamPage).contains("1 of 3 people have an active learning cycle", "id=\"team-cycles\"",
				"Sub team cycle", "No active cycle", "<caption");
		assertThat(teamPage.indexOf(">Learner A1</th>")).isLessThan(teamPage.indexOf(">Learner A</th>"));
		mvc.perform(get("/teams/" + org.teamA().value() + "/cycles").with(as(org.learnerA())))
			.andExpect(status().isNotFound());

		String templates = "/teams/" + org.teamA().value() + "/contract-templates";
		assertThat(page(templates, org.managerA())).contains("id=\"no-templates\"", "id=\"template-form\"");
		assertThat(page(templates, org.learnerA())).doesNotContain("id=\"template-form\"");
		String refused = mvc.perform(post(templates).with(as(org.managerA())).with(csrf()).param("title", "")
				.param("lineWhat", "Kept, as typed").param("lineCapability", "").param("lineEvidence", ""))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"title-error\"", "Kept, as typed");
		mvc.perform(post(templates).with(as(org.learnerA())).with(csrf()).param("title", "Mine")
				.param("lineWhat", "Something"))
			.andExpect(status().isForbidden());
		mvc.perform(post(templates).with(as(org.managerA())).with(csrf()).param("title", "Support onboarding")
				.param("lineWhat", "Handle escalations").param("lineCapability", "").param("lineEvidence", "Three closed"))
			.andExpect(status().is3xxRedirection());
		assertThat(page("/teams/" + org.teamA().value() + "/contract-templates", org.learnerA()))
			.contains("Support onboarding", "Handle escalations", "Start a cycle from it");
		assertThat(page("/cycles/new", org.learnerA())).contains("Template “Support onboarding”");
	}

	private String page(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
