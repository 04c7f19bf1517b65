package io.stride.journey;

import java.util.List;

import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
import io.stride.cycles.ContractTemplates;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.TemplateDraft;
import io.stride.cycles.Visibility;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not the end-to-end journey (the lead writes that): every learning cycle page a learner and a manager use
 * passes axe-core and fits a phone, and a learner starts a cycle with the keyboard-reachable form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearningCyclePagesAreAccessibleJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	LearningCycles cycles;

	@Autowired
	ContractTemplates templates;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		browser = Browser.open(port, "learning-cycle-pages");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aLearnerStartsACycleWritesAGoalAndDraftsFromTheTeamsGapsOnAccessiblePages() throws Exception {
		CapabilityId capability = capabilityRows.capability("Escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		capabilityRows.target(org.teamA(), capability, 2, 1, org.managerA());
		templates.create(fixtures.viewer(org.managerA()), org.teamA(), new TemplateDraft("Support onboarding",
				List.of(new TemplateDraft.Line("Handle escalations", capability, 2, "Three closed"))));
		signIn(org.email("learner-a"));
		browser.go("/cycles");
		check();
		browser.go("/cycles/new");
		check();
		browser.type("#title", "Autumn " + org.suffix());
		browser.navigate("#start");
		assertThat(browser.text()).contains("Autumn " + org.suffix(), "Now write your goals");
		check();
		browser.navigate("#draft-link");
		assertThat(browser.text()).contains("Your team is short of");
		check();
		browser.navigate("button.add-proposal");
		assertThat(browser.text()).contains("Escalations " + org.suffix());
		check();
		browser.navigate("#add-goal");
		check();
		browser.type("#what", "Run a customer workshop");
		browser.navigate("#save-goal");
		assertThat(browser.text()).contains("Run a customer workshop");
		browser.navigate("#change-cycle");
		assertThat(browser.text()).contains("Who reads your contract");
		check();
		browser.go("/teams/" + org.teamA().value() + "/contract-templates");
		check();
		browser.go("/learning");
		check();
	}

	@Test
	void aManagerReadsTheTeamsCyclesAndSeesOnlyThatAHiddenContractExists() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Workshops " + org.suffix());
		LearningCycle cycle = cycles.start(fixtures.viewer(org.learnerA()),
				new NewCycle("Hidden", null, null, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		cycles.addGoal(fixtures.viewer(org.learnerA()), cycle.id(), new GoalDraft("Run workshops", null, null, List.of(),
				true, List.of(course.id()), List.of(new GoalDraft.Resource("A book", "https://example.org/book")),
				"With customers", null, "Two workshops", List.of(org.learnerB()), null, false));
		signIn(org.email("manager-a"));
		browser.go("/teams/" + org.teamA().value() + "/cycles");
		assertThat(browser.text()).contains("Active (not shared with you)");
		check();
		browser.go("/cycles/" + cycle.id().value());
		assertThat(browser.text()).contains("What you can see").doesNotContain("Run workshops");
		check();
		browser.go("/teams/" + org.teamA().value() + "/contract-templates");
		check();
		browser.close();
		browser = Browser.open(port, "learning-cycle-pages-reader");
		signIn(org.email("learner-b"));
		browser.go("/cycles/" + cycle.id().value());
		assertThat(browser.text()).contains("Run workshops", "A book", "Two workshops");
		check();
	}

	private void check() {
		browser.checkAccessibility();
		browser.checkFitsAPhone();
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
