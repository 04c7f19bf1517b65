package io.stride.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
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
 * A manager builds a course with every kind of question in the builder, one of them a knowledge check after the
 * first lesson; a learner answers the check inline, then every kind in the quiz, and reads the feedback. Every page
 * passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerBuildsEveryQuestionKindAndLearnerCompletesItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	@Autowired
	LearningRecord record;

	Org org;

	Browser browser;

	String title;

	Course course;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		title = "Packing a parcel " + org.suffix();
		browser = Browser.open(port, "every-question-kind");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void managerBuildsEveryQuestionKindAndLearnerCompletesIt() throws Exception {
		signsIn("manager-a");
		buildsACourseWithEveryKindOfQuestion();
		publishesAndAssignsIt();
		signsOut();

		signsIn("learner-a");
		answersTheKnowledgeCheckOnTheLesson();
		answersEveryKindInTheQuiz();
		readsTheFeedback();
		answersWereRecorded();
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.checkAccessibility();
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
		browser.checkAccessibility();
	}

	private void signsOut() {
		browser.navigate("form[action='/logout'] button");
	}

	private void buildsACourseWithEveryKindOfQuestion() throws Exception {
		browser.go("/courses/new");
		browser.checkAccessibility();
		AuthorSteps author = new AuthorSteps(browser);
		author.createsCourse(title);
		String box = author.addsLesson("Choose the box",
				"Pick a box **one size up** from the item. The packing lead checks every parcel.");
		author.addsLesson("Fill and seal", "Fill gaps with paper, then seal with **three strips** of tape.");

		// 0: single choice
		author.addsQuestion("SINGLE_CHOICE");
		author.retype("#question-prompt", "Which box do you pick?");
		author.retype("#option-0", "One size up");
		author.retype("#option-1", "The smallest that fits");
		author.marksCorrect(0);
		author.retype("#question-explanation", "A box one size up leaves room for padding.");
		author.saved();

		// 1: multiple select with partial credit
		author.addsQuestion("MULTIPLE_CHOICE");
		assertThat(browser.find("#question-accepted").isDisplayed()).as("short-answer fields hidden").isFalse();
		author.retype("#question-prompt", "What fills the gaps?");
		author.retype("#option-0", "Paper");
		author.retype("#option-1", "Bubble wrap");
		author.retype("#option-2", "Nothing");
		author.marksCorrect(0, 1);
		browser.select("#question-scoring", "Partial credit (multiple select: right picks minus wrong picks; matching: per pair)");
		author.retype("#question-explanation", "Paper and bubble wrap both keep the item still.");
		author.saved();

		// 2: true / false (its two options are written for the author)
		author.addsQuestion("TRUE_FALSE");
		author.retype("#question-prompt", "Tape once around is enough.");
		assertThat(browser.find("#option-0").getAttribute("value")).isEqualTo("True");
		assertThat(browser.find("#option-1").getAttribute("value")).isEqualTo("False");
		author.marksCorrect(1);
		author.saved();

		// 3: ordering, written in the right order
		author.addsQuestion("ORDERING");
		author.retype("#question-prompt", "Put the packing steps in order");
		author.retype("#option-0", "Choose the box");
		author.retype("#option-1", "Fill the gaps");
		author.retype("#option-2", "Seal it");
		author.saved();

		// 4: short answer
		author.addsQuestion("SHORT_ANSWER");
		assertThat(browser.find("#option-0").isDisplayed()).as("options hidden").isFalse();
		author.retype("#question-prompt", "Who checks every parcel?");
		author.retype("#question-accepted", "the packing lead\nour packing lead");
		author.retype("#question-explanation", "The packing lead checks them before they leave.");
		author.saved();

		// 5: matching
		author.addsQuestion("MATCHING");
		author.retype("#question-prompt", "Match each item with its box");
		author.retype("#option-0", "Mug");
		author.retype("#option-0-match", "Small box");
		author.retype("#option-1", "Lamp");
		author.retype("#option-1-match", "Large box");
		author.retype("#option-2-match", "Envelope");
		author.saved();

		// 6: numeric with a unit
		author.addsQuestion("NUMERIC");
		author.retype("#question-prompt", "How many strips of tape seal a box?");
		author.retype("#question-value", "3");
		author.retype("#question-tolerance", "0");
		author.retype("#question-unit", "strips");
		author.saved();

		// 7: a knowledge check after the first lesson
		author.opens(box);
		author.addsKnowledgeCheck("SHORT_ANSWER");
		author.retype("#question-prompt", "How much bigger than the item is the box?");
		author.retype("#question-accepted", "one size up\none size bigger");
		author.retype("#question-explanation", "One size up leaves room for padding.");
		author.saved();
		assertThat(browser.find("#move-where option[selected]").getText()).isEqualTo("Knowledge check after lesson 1: Choose the box");
		browser.checkAccessibility();
		browser.screenshot("editor-every-kind");

		author.opensSettings();
		author.retype("#description", "How we pack a parcel so that it arrives whole.");
		author.retype("#passMark", "70");
		author.savesSettings();
	}

	private void publishesAndAssignsIt() throws Exception {
		browser.navigate("#publish");
		assertThat(browser.text()).contains("Published. Now assign it to a team.");
		browser.checkAccessibility();
		new Select(browser.find("#teamId")).selectByVisibleText("Team A " + org.suffix());
		browser.setValue("#dueDate", LocalDate.now().plusDays(7).toString());
		browser.navigate("#assign");
		browser.checkAccessibility();
		course = authoring.authoredBy(fixtures.viewer(org.managerA()))
			.stream()
			.filter(c -> c.title().equals(title))
			.map(c -> authoring.published(c.id()))
			.findFirst()
			.orElseThrow();
		assertThat(course.quiz().questions()).hasSize(7);
		assertThat(course.lessons().get(0).knowledgeChecks()).hasSize(1);
	}

	private void answersTheKnowledgeCheckOnTheLesson() throws Exception {
		browser.navigate(browser.link(title));
		browser.checkAccessibility();
		browser.navigate("#start");
		Question check = course.lessons().get(0).knowledgeChecks().get(0);
		assertThat(browser.find("#checks-heading").getText()).isEqualTo("Check what you learned");
		browser.checkAccessibility();
		browser.type("#q-" + check.id() + "-text", "One size bigger!");
		browser.click("#check-" + check.id() + "-submit");
		browser.waitForText("#check-" + check.id() + "-feedback", "Right.");
		String feedback = browser.find("#check-" + check.id() + "-feedback").getText();
		assertThat(feedback).contains("Your answer:", "One size bigger!", "Why: One size up leaves room for padding.");
		assertThat(browser.path()).as("answered in place").startsWith("/learning/courses/" + course.id() + "/lessons/");
		browser.checkAccessibility();
		browser.screenshot("knowledge-check");
		browser.navigate("#next-lesson");
		browser.checkAccessibility();
		browser.navigate("#take-quiz");
	}

	private void answersEveryKindInTheQuiz() throws Exception {
		assertThat(browser.find("h1").getText()).isEqualTo("Quiz");
		assertThat(browser.find("#quiz-info").getText()).startsWith("7 questions.");
		browser.checkAccessibility();
		List<Question> q = course.quiz().questions();
		browser.click("input[name='q-" + q.get(0).id() + "'][value='0']");
		browser.click("input[name='q-" + q.get(1).id() + "'][value='0']");
		browser.click("input[name='q-" + q.get(2).id() + "'][value='1']");
		for (int step = 0; step < 3; step++) {
			new Select(browser.find("#q-" + q.get(3).id() + "-pos-" + step)).selectByValue(String.valueOf(step + 1));
		}
		browser.type("#q-" + q.get(4).id() + "-text", "  The Packing-Lead ");
		browser.select("#q-" + q.get(5).id() + "-match-0", "Small box");
		browser.select("#q-" + q.get(5).id() + "-match-1", "Large box");
		browser.type("#q-" + q.get(6).id() + "-text", "3,0");
		assertThat(browser.text()).contains("Partial credit", "strips");
		waitUntilSaved(7);
		browser.waitForText("#quiz-status", "Saved at");
		browser.checkAccessibility();
		browser.screenshot("quiz-every-kind");
		browser.navigate("#submit-quiz");
	}

	private void readsTheFeedback() throws Exception {
		// 1 + 1/2 + 1 + 1 + 1 + 1 + 1 = 6.5 of 7
		assertThat(browser.find("#score").getText()).contains("93%", "6 of 7 right", "6.5 points");
		assertThat(browser.find("#verdict").getText()).isEqualTo("Passed");
		String partly = browser.find("section[data-verdict=PARTLY_RIGHT]").getText();
		assertThat(partly).contains("What fills the gaps?", "Partly right.", "50% of the point", "Right answer:", "Bubble wrap",
				"Why: Paper and bubble wrap both keep the item still.", "Partial credit");
		assertThat(browser.text()).contains("Mug → Small box", "3 strips", "The Packing-Lead");
		assertThat(browser.all("section[data-verdict=RIGHT]")).hasSize(6);
		browser.checkAccessibility();
		browser.screenshot("quiz-feedback");
		browser.go("/learning");
		assertThat(browser.find("#my-learning").getText()).contains("Passed").contains("93%");
		browser.checkAccessibility();
	}

	private void answersWereRecorded() {
		List<Statement> answered = record.statementsOf(org.learnerA()).stream()
			.filter(s -> s.verbIri().equals(Verb.ANSWERED.iri()))
			.toList();
		assertThat(answered).hasSize(8);
		assertThat(answered.get(0).objectId()).endsWith(course.lessons().get(0).knowledgeChecks().get(0).id());
	}

	private void waitUntilSaved(int answers) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < until) {
			var attempt = assessment.current(fixtures.viewer(org.learnerA()), course.id());
			if (attempt.isPresent() && attempt.get().answers().size() == answers) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The answers were not all saved as the learner went");
	}
}
