package io.stride.journey;

import java.util.List;

import io.stride.cycles.CycleDiscussion;
import io.stride.cycles.CycleStatus;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.Visibility;
import io.stride.identity.Viewer;
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
 * During a learning cycle: the learner invites a colleague to discuss the contract, checks in on a goal by keyboard,
 * adds a link to what it produced and comments; the colleague replies on the goal page; the learner closes the cycle
 * carrying the unfinished goal over. Every page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerChecksInDiscussesAndClosesACycleJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningCycles cycles;

	@Autowired
	CycleDiscussion discussion;

	Org org;

	Viewer ana;

	LearningCycle cycle;

	Goal workshop;

	Goal sql;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
		cycle = cycles.start(ana, new NewCycle("Spring " + org.suffix(), null, 45, Visibility.MANAGER, List.of(), null,
				null, null));
		workshop = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
		sql = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL window functions"));
		browser = Browser.open(port, "cycle-during");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void aLearnerInvitesChecksInAddsWhatWasProducedAndClosesTheCycle() throws Exception {
		signIn(org.email("learner-a"));
		browser.go("/cycles/" + cycle.id().value() + "/invite");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.click("#person-" + org.learnerSubA().value());
		browser.type("#message", "What would you add?");
		browser.navigate("#invite-form button[type=submit]");
		assertThat(browser.text()).contains("1 person is invited");

		browser.go("/cycles/" + cycle.id().value() + "/check-in");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		String w = workshop.id().value();
		browser.type("#note-" + w, "Drafted the agenda with support");
		browser.setValue("#progress-" + w, "40");
		browser.type("#minutes-" + w, "50");
		browser.navigateByKeyboard("#check-in-form button[type=submit]");
		assertThat(browser.text()).contains("Checked in on 1 goal.", "Drafted the agenda with support");
		browser.screenshot("checked-in");

		browser.go("/goals/" + w);
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		assertThat(browser.text()).contains("40% done", "50 minutes");
		browser.type("#link-title", "Workshop agenda");
		browser.type("#link-url", "https://docs.example.com/agenda");
		browser.navigate("#link-form button[type=submit]");
		browser.type("#body", "Is two hours enough?");
		browser.navigate("#comment-form button[type=submit]");
		assertThat(browser.text()).contains("Workshop agenda", "Is two hours enough?");
		browser.checkAccessibility();
		browser.screenshot("goal-page");

		browser.go("/cycles/" + cycle.id().value() + "/close");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.click("#outcome-" + w + "-PARTLY");
		browser.type("#reflection-" + w, "The agenda is ready; the workshop is not run yet.");
		browser.click("#carry-" + w);
		browser.click("#outcome-" + sql.id().value() + "-LEARNED");
		browser.screenshot("close");
		browser.navigate("#close-form button[type=submit]");

		assertThat(cycles.cycle(ana, cycle.id()).status()).isEqualTo(CycleStatus.CLOSED);
		assertThat(cycles.active(ana)).hasValueSatisfying(next -> {
			assertThat(browser.path()).isEqualTo("/cycles/" + next.id().value());
			assertThat(next.goals()).extracting(Goal::what).containsExactly("Run a customer workshop");
		});
	}

	@Test
	void anInvitedColleagueRepliesOnTheGoalPage() throws Exception {
		discussion.invite(ana, cycle.id(), List.of(org.learnerSubA()), null);
		CycleDiscussion.Comment question = discussion.comment(ana, workshop.id(), null, "Is two hours enough?");

		signIn(org.email("learner-a1"));
		browser.go("/goals/" + workshop.id().value());
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.click("#comment-" + question.id() + " summary");
		browser.type("#reply-" + question.id(), "Plan three, with a break.");
		browser.screenshot("reply");
		browser.navigateByKeyboard("#comment-" + question.id() + " form button[type=submit]");

		assertThat(browser.text()).contains("Your reply is posted.", "Plan three, with a break.");
		assertThat(discussion.comments(ana, workshop.id())).singleElement()
			.satisfies(c -> assertThat(c.replies()).extracting(CycleDiscussion.Comment::authorName)
				.containsExactly("Learner A1"));
		browser.checkAccessibility();
	}

	private void signIn(String email) throws Exception {
		browser.go("/login");
		browser.type("#email", email);
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
