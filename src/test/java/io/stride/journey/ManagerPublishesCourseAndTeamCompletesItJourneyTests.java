package io.stride.journey;

import java.time.LocalDate;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thin journey in a real browser: a manager writes, publishes and assigns a course; a learner reads it,
 * fails the quiz, sees why, retakes and passes; the manager sees the team's status. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerPublishesCourseAndTeamCompletesItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningRecord record;

	Org org;

	Browser browser;

	String courseTitle;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		courseTitle = "Reporting a security incident " + org.suffix();
		browser = Browser.open(port, "course-by-hand");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void managerPublishesCourseAndTeamCompletesIt() throws Exception {
		signsIn("manager-a");
		writesCourseInTheEditor();
		publishesAndAssignsToTeam();
		signsOut();

		signsIn("learner-a");
		seesItUnderMyLearning();
		readsTheLessons();
		failsTheQuizAndSeesWhy();
		retakesAndPasses();
		signsOut();

		signsIn("manager-a");
		seesTeamStatus();
		learnerActionsWereRecordedAsStatements();
	}

	private void signsIn(String handle) throws Exception {
		browser.go("/login");
		browser.checkAccessibility();
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
	}

	private void signsOut() {
		browser.navigate("form[action='/logout'] button");
		assertThat(browser.text()).contains("You are signed out.");
	}

	private void writesCourseInTheEditor() throws Exception {
		browser.go("/courses");
		browser.checkAccessibility();
		AuthorSteps author = new AuthorSteps(browser);
		author.createsCourse(courseTitle);
		browser.checkAccessibility();
		author.addsLesson("Notice it", """
				# Spot the signs
				1. Unexpected **password reset** mails
				2. Files you did not change
				Harmless text: <img src=x onerror=alert('xss')> <script>alert('xss')</script>
				""");
		author.addsLesson("Report it", "Call the security desk **within 1 hour**. Do not wait for proof.");

		author.addsQuestion("SINGLE_CHOICE");
		author.retype("#question-prompt", "How soon do you report an incident?");
		author.retype("#option-0", "Within 1 hour");
		author.retype("#option-1", "Within 24 hours");
		author.retype("#option-2", "When you have proof");
		author.marksCorrect(0);
		author.retype("#question-explanation", "The policy says within 1 hour, even without proof.");
		author.saved();
		author.addsQuestion("MULTIPLE_CHOICE");
		author.retype("#question-prompt", "Which are signs of an incident?");
		author.retype("#option-0", "Unexpected password reset mails");
		author.retype("#option-1", "Files you did not change");
		author.retype("#option-2", "A colleague on holiday");
		author.marksCorrect(0, 1);
		author.retype("#question-explanation", "Resets you did not ask for and changed files are both signs.");
		author.saved();

		author.opensSettings();
		author.retype("#description", "What to do in the first hour after you notice a security incident.");
		author.retype("#passMark", "100");
		// a practice quiz: learners may see why an answer was wrong after every attempt
		new Select(browser.find("#answersShown")).selectByValue("AFTER_EACH_ATTEMPT");
		// the text speaks of a security incident, so Stride suggests high risk; the team's own how-to is low
		new Select(browser.find("#riskTier")).selectByValue("LOW");
		author.retype("#tierReason", "A how-to for our own team; the security policy itself is reviewed elsewhere.");
		browser.checkAccessibility();
		browser.screenshot("course-editor");
		author.savesSettings();
	}

	private void publishesAndAssignsToTeam() throws Exception {
		browser.navigate("#publish");
		assertThat(browser.text()).contains("Published. Now assign it to a team.");
		browser.checkAccessibility();
		new Select(browser.find("#teamId")).selectByVisibleText("Team A " + org.suffix());
		browser.setValue("#dueDate", LocalDate.now().plusDays(7).toString());
		browser.navigate("#assign");
		assertThat(browser.text()).contains("Assigned to Team A " + org.suffix() + ", due " + LocalDate.now().plusDays(7));
		browser.checkAccessibility();
		browser.screenshot("assigned");
	}

	private void seesItUnderMyLearning() throws Exception {
		assertThat(browser.path()).isEqualTo("/learning");
		assertThat(browser.find("#my-learning").getText()).contains(courseTitle).contains("Not started")
			.contains(LocalDate.now().plusDays(7).toString());
		browser.checkAccessibility();
		browser.screenshot("my-learning");
	}

	private void readsTheLessons() throws Exception {
		browser.navigate(browser.link(courseTitle));
		browser.checkAccessibility();
		browser.navigate("#start");
		assertThat(browser.find("h1").getText()).isEqualTo("Notice it");
		assertThat(browser.find(".lesson-body strong").getText()).isEqualTo("password reset");
		assertThat(browser.text()).contains("<img src=x onerror=alert('xss')>");
		assertThat(browser.alertShown()).as("a script in lesson text ran").isFalse();
		browser.checkAccessibility();
		browser.screenshot("lesson");
		browser.navigate("#next-lesson");
		assertThat(browser.find("h1").getText()).isEqualTo("Report it");
		browser.checkAccessibility();
		browser.navigate("#take-quiz");
	}

	private void failsTheQuizAndSeesWhy() throws Exception {
		assertThat(browser.find("h1").getText()).isEqualTo("Quiz");
		browser.checkAccessibility();
		pick("How soon", "Within 24 hours");
		pick("Which are signs", "Unexpected password reset mails");
		pick("Which are signs", "Files you did not change");
		browser.screenshot("quiz");
		browser.navigate("#submit-quiz");
		assertThat(browser.find("#score").getText()).contains("50%").contains("1 of 2 right").contains("Not passed yet");
		String wrong = browser.find("section[data-correct=false]").getText();
		assertThat(wrong).contains("How soon do you report").contains("Wrong.")
			.contains("The policy says within 1 hour, even without proof.");
		browser.checkAccessibility();
		browser.screenshot("quiz-result-failed");
	}

	private void retakesAndPasses() throws Exception {
		browser.navigate("#retake");
		pick("How soon", "Within 1 hour");
		pick("Which are signs", "Unexpected password reset mails");
		pick("Which are signs", "Files you did not change");
		browser.navigate("#submit-quiz");
		assertThat(browser.find("#verdict").getText()).isEqualTo("Passed");
		assertThat(browser.find("#score").getText()).contains("100%");
		browser.screenshot("quiz-result-passed");
		browser.go("/learning");
		assertThat(browser.find("#my-learning").getText()).contains("Passed").contains("100%");
	}

	private void seesTeamStatus() throws Exception {
		browser.go("/teams");
		browser.checkAccessibility();
		browser.navigate(browser.link("Team A " + org.suffix()));
		String table = browser.find("#team-progress").getText();
		assertThat(table).contains("Learner A Reporting a security incident " + org.suffix() + " Passed 100%");
		assertThat(table).contains("Learner A1 Reporting a security incident " + org.suffix() + " Not started");
		assertThat(table).doesNotContain("Learner B");
		browser.checkAccessibility();
		browser.screenshot("team-progress");
	}

	private void learnerActionsWereRecordedAsStatements() {
		List<String> verbs = record.statementsOf(org.learnerA()).stream().map(Statement::verbIri).toList();
		assertThat(verbs).contains(Verb.OPENED.iri(), Verb.EXPERIENCED.iri(), Verb.ANSWERED.iri(), Verb.ATTEMPTED.iri(),
				Verb.FAILED.iri(), Verb.PASSED.iri(), Verb.COMPLETED.iri());
		assertThat(verbs.stream().filter(Verb.COMPLETED.iri()::equals)).hasSize(1);
	}

	/** Picks an option of the question whose legend starts with the given words. */
	private void pick(String question, String option) {
		browser.all("#quiz fieldset")
			.stream()
			.filter(fieldset -> fieldset.findElement(By.tagName("legend")).getText().contains(question))
			.findFirst()
			.orElseThrow()
			.findElements(By.tagName("label"))
			.stream()
			.filter(label -> label.getText().equals(option))
			.findFirst()
			.orElseThrow()
			.click();
	}
}
