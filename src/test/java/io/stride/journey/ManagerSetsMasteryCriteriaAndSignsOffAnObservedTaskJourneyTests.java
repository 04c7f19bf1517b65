package io.stride.journey;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.authoring.Course;
import io.stride.delivery.Delivery;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager asks more of their team than a pass: a higher pass mark and an observed task. The learner passes the
 * quiz and shows as passed but not mastered; the manager watches them, signs the task off with a note, and the
 * learner shows as mastered with the evidence listed. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerSetsMasteryCriteriaAndSignsOffAnObservedTaskJourneyTests {

	private static final String TASK = "Runs an executive business review without escalation";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Autowired
	LearningRecord record;

	Org org;

	Course course;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		var manager = fixtures.viewer(org.managerA());
		course = fixtures.publishedCourse(manager, "Executive business reviews " + org.suffix());
		delivery.assign(manager, course.id(), org.teamA(), LocalDate.now().plusDays(14));
		browser = Browser.open(port, "mastery");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void managerSetsMasteryCriteriaAndSignsOffAnObservedTask() throws Exception {
		LearnerSteps.signIn(browser, org.email("manager-a"));
		setsAHigherPassMarkAndAnObservedTask();
		LearnerSteps.signOut(browser);

		LearnerSteps.signIn(browser, org.email("learner-a"));
		passesTheQuiz();
		seesCompletedButNotMastered();
		LearnerSteps.signOut(browser);

		LearnerSteps.signIn(browser, org.email("manager-a"));
		seesPassedButNotMasteredInTheTeam();
		signsOffTheTaskWithANote();
		LearnerSteps.signOut(browser);

		LearnerSteps.signIn(browser, org.email("learner-a"));
		seesMasteredWithTheEvidence();
	}

	private void setsAHigherPassMarkAndAnObservedTask() throws Exception {
		browser.go("/teams");
		browser.navigate(browser.link("Team A " + org.suffix()));
		browser.navigate("#team-more a[href$='/mastery']");
		assertThat(browser.find("h1").getText()).isEqualTo("Mastery in Team A " + org.suffix());
		browser.checkAccessibility();
		new Select(browser.find("#course")).selectByVisibleText(course.title());
		browser.navigate("#open-course");
		assertThat(browser.find("#default-criteria").getText()).contains("organization default", "80%");
		browser.checkAccessibility();

		browser.type("#passMark", "70");
		browser.navigate("#save-criteria");
		assertThat(browser.find("#passMark-error").getText())
			.isEqualTo("The pass mark can't be lower than the organization's default of 80%.");
		browser.checkAccessibility();
		browser.type("#passMark", "90");
		browser.navigate("#save-criteria");
		assertThat(browser.text()).contains("Saved the mastery criteria.");

		browser.type("#task-title", TASK);
		browser.navigate("#add-task");
		assertThat(browser.find("#tasks").getText()).contains(TASK);
		assertThat(browser.find("#own-criteria").getText())
			.isEqualTo("Quiz score of at least 90%; every task on the observed checklist signed off.");
		browser.checkAccessibility();
		browser.screenshot("criteria");
	}

	private void passesTheQuiz() throws Exception {
		browser.navigate(browser.link(course.title()));
		browser.navigate("#take-quiz");
		browser.checkAccessibility();
		LearnerSteps.pick(browser, "Report within?", "1 hour");
		LearnerSteps.pick(browser, "Which are steps?", "Stop");
		LearnerSteps.pick(browser, "Which are steps?", "Report");
		browser.navigate("#submit-quiz");
		assertThat(browser.find("#verdict").getText()).isEqualTo("Passed");
		assertThat(browser.find("#score").getText()).contains("100%");
	}

	private void seesCompletedButNotMastered() throws Exception {
		browser.go("/learning");
		assertThat(browser.find("#my-learning").getText()).contains(course.title()).contains("Passed");
		browser.navigateByMenu("learn", "a[href='/mastery']");
		String mine = browser.find("#mastery-course-" + course.id().value()).getText();
		assertThat(mine).contains("Not mastered: 1 of 2 criteria met")
			.contains("Met: Best score 100% ≥ 90% (pass mark of Team A " + org.suffix() + ")")
			.contains("Not yet: “" + TASK + "” is not signed off yet");
		browser.checkAccessibility();
		browser.screenshot("learner-not-mastered");
	}

	private void seesPassedButNotMasteredInTheTeam() throws Exception {
		browser.go("/teams");
		browser.navigate(browser.link("Team A " + org.suffix()));
		assertThat(browser.find("#team-progress").getText()).contains("Learner A " + course.title() + " Passed 100%");
		browser.navigate("#team-more a[href$='/mastery']");
		browser.navigate(browser.link(course.title()));
		String people = browser.find("#member-mastery").getText();
		assertThat(people).contains("Learner A 100% (needs 90%) 0 of 1 — Not mastered: 1 of 2 criteria met");
		assertThat(browser.find("#mastered-count").getText()).isEqualTo("0 of 3 mastered.");
		browser.checkAccessibility();
		browser.screenshot("team-not-mastered");
	}

	private void signsOffTheTaskWithANote() throws Exception {
		browser.navigate(browser.link("Learner A"));
		assertThat(browser.find("#learner-mastery").getText()).isEqualTo("Not mastered: 1 of 2 criteria met");
		browser.checkAccessibility();
		assertThat(browser.find(".sign-off-form legend").getText()).isEqualTo(TASK);
		browser.type(".sign-off-form textarea", "Ran the Q3 review with Acme; answered the pricing objection herself.");
		browser.navigate(".sign-off-form button[type=submit]");
		assertThat(browser.text()).contains("Signed off.");
		assertThat(browser.find("#learner-mastery").getText()).isEqualTo("Mastered");
		assertThat(browser.find("#evidence").getText()).contains("“" + TASK + "” signed off by Manager A on "
				+ LocalDate.now(ZoneOffset.UTC) + ": Ran the Q3 review with Acme; answered the pricing objection herself.");
		browser.checkAccessibility();
		browser.screenshot("signed-off");
		browser.navigate(browser.link("Mastery of " + course.title() + " in Team A " + org.suffix()));
		assertThat(browser.find("#mastered-count").getText()).isEqualTo("1 of 3 mastered.");
	}

	private void seesMasteredWithTheEvidence() throws Exception {
		browser.go("/mastery");
		String mine = browser.find("#mastery-course-" + course.id().value()).getText();
		assertThat(mine).contains("Mastered on " + LocalDate.now(ZoneOffset.UTC))
			.contains("Met: Best score 100% ≥ 90% (pass mark of Team A " + org.suffix() + ")")
			.contains("Met: “" + TASK + "” signed off by Manager A on " + LocalDate.now(ZoneOffset.UTC));
		browser.checkAccessibility();
		browser.screenshot("learner-mastered");
		assertThat(record.statementsOf(org.learnerA())
			.stream()
			.filter(s -> s.verbIri().equals(Verb.MASTERED.iri()) && course.id().value().equals(s.courseId()))).hasSize(1);
	}
}
