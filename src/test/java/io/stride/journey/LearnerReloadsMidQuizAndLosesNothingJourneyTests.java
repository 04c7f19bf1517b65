package io.stride.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.authoring.QuizSettings;
import io.stride.delivery.Delivery;
import io.stride.support.EveryKind;
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
 * A learner answers part of a quiz, loses the connection for a moment, reloads the page mid-quiz and finds every
 * answer still there; an impatient double click on "Submit" counts one attempt. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerReloadsMidQuizAndLosesNothingJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Assessment assessment;

	Org org;

	Browser browser;

	Course course;

	List<Question> q;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		var manager = fixtures.viewer(org.managerA());
		Course draft = authoring.create(manager, EveryKind.course("Incident basics " + org.suffix(), QuizSettings.NONE));
		course = authoring.publish(manager, draft.id(), draft.revision());
		delivery.assign(manager, course.id(), org.teamA(), LocalDate.now().plusDays(7));
		q = course.quiz().questions();
		browser = Browser.open(port, "reload-mid-quiz");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void learnerReloadsMidQuizAndLosesNothing() throws Exception {
		signsIn();
		answersSomeQuestions();
		loosesTheConnectionWhileAnsweringOne();
		reloadsAndFindsEveryAnswer();
		finishesAndDoubleClicksSubmit();
		goesBackAndSeesTheResultNotAFreshAttempt();
		exactlyOneAttemptCounts();
	}

	private void signsIn() {
		browser.go("/login");
		browser.checkAccessibility();
		browser.type("#email", org.email("learner-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		browser.checkAccessibility();
	}

	private void answersSomeQuestions() throws Exception {
		browser.go("/learning/courses/" + course.id() + "/quiz");
		browser.checkAccessibility();
		browser.click("input[name='q-" + q.get(EveryKind.SINGLE).id() + "'][value='0']");
		browser.click("input[name='q-" + q.get(EveryKind.MULTIPLE).id() + "'][value='0']");
		browser.click("input[name='q-" + q.get(EveryKind.MULTIPLE).id() + "'][value='3']");
		new Select(browser.find("#q-" + q.get(EveryKind.ORDERING).id() + "-pos-0")).selectByValue("1");
		browser.type("#q-" + q.get(EveryKind.SHORT).id() + "-text", "creme brulee");
		browser.select("#q-" + q.get(EveryKind.MATCHING).id() + "-match-1", "Madrid");
		savedOnTheServer(5);
		browser.waitForText("#quiz-status", "Saved at");
		browser.screenshot("answered-some");
	}

	private void loosesTheConnectionWhileAnsweringOne() throws Exception {
		browser.offline(true);
		browser.type("#q-" + q.get(EveryKind.NUMERIC).id() + "-text", "1,5");
		browser.waitForText("#quiz-status", "Not saved yet");
		assertThat(browser.find("#q-" + q.get(EveryKind.NUMERIC).id() + "-text").getAttribute("value"))
			.as("the answer stays on the page").isEqualTo("1,5");
		browser.offline(false);
		// saved when the connection is back, without the learner doing anything
		savedOnTheServer(6);
		browser.waitForText("#quiz-status", "Saved at");
	}

	private void reloadsAndFindsEveryAnswer() throws Exception {
		browser.reload();
		assertThat(browser.text()).contains("Welcome back: your saved answers are filled in.");
		assertThat(browser.find("input[name='q-" + q.get(EveryKind.SINGLE).id() + "'][value='0']").isSelected()).isTrue();
		assertThat(browser.find("input[name='q-" + q.get(EveryKind.MULTIPLE).id() + "'][value='0']").isSelected()).isTrue();
		assertThat(browser.find("input[name='q-" + q.get(EveryKind.MULTIPLE).id() + "'][value='1']").isSelected()).isFalse();
		assertThat(browser.find("input[name='q-" + q.get(EveryKind.MULTIPLE).id() + "'][value='3']").isSelected()).isTrue();
		assertThat(new Select(browser.find("#q-" + q.get(EveryKind.ORDERING).id() + "-pos-0")).getFirstSelectedOption().getText())
			.isEqualTo("1");
		assertThat(browser.find("#q-" + q.get(EveryKind.SHORT).id() + "-text").getAttribute("value")).isEqualTo("creme brulee");
		assertThat(new Select(browser.find("#q-" + q.get(EveryKind.MATCHING).id() + "-match-1")).getFirstSelectedOption().getText())
			.isEqualTo("Madrid");
		assertThat(browser.find("#q-" + q.get(EveryKind.NUMERIC).id() + "-text").getAttribute("value")).isEqualTo("1,5");
		browser.checkAccessibility();
		browser.screenshot("after-reload");
	}

	private void finishesAndDoubleClicksSubmit() throws Exception {
		browser.click("input[name='q-" + q.get(EveryKind.TRUE_FALSE).id() + "'][value='1']");
		new Select(browser.find("#q-" + q.get(EveryKind.ORDERING).id() + "-pos-1")).selectByValue("2");
		new Select(browser.find("#q-" + q.get(EveryKind.ORDERING).id() + "-pos-2")).selectByValue("3");
		browser.select("#q-" + q.get(EveryKind.MATCHING).id() + "-match-0", "Paris");
		browser.doubleClickToNavigate("#submit-quiz");
		assertThat(browser.find("h1").getText()).isEqualTo("Quiz result");
		// everything right except the multiple select: 2 right picks of 3, no wrong one
		assertThat(browser.find("#score").getText()).contains("95%").contains("6 of 7 right");
		browser.checkAccessibility();
		browser.screenshot("result");
	}

	private void goesBackAndSeesTheResultNotAFreshAttempt() throws Exception {
		String result = browser.path();
		browser.back();
		assertThat(browser.path()).isEqualTo(result);
		assertThat(browser.find("h1").getText()).isEqualTo("Quiz result");
		assertThat(browser.find("#retake").getText()).isEqualTo("Try again");
		assertThat(assessment.current(fixtures.viewer(org.learnerA()), course.id())).as("no attempt started").isEmpty();
		browser.checkAccessibility();
	}

	private void exactlyOneAttemptCounts() {
		List<AttemptResult> attempts = assessment.attemptsOf(fixtures.viewer(org.learnerA()), course.id());
		assertThat(attempts).hasSize(1);
		assertThat(browser.path()).isEqualTo("/learning/courses/" + course.id() + "/attempts/" + attempts.get(0).attemptId());
		browser.go("/learning/courses/" + course.id());
		assertThat(browser.all("#attempts-heading + ul li")).hasSize(1);
		browser.checkAccessibility();
		assertThat(delivery.myLearning(fixtures.viewer(org.learnerA())).get(0).bestScore()).isEqualTo(95);
	}

	private void savedOnTheServer(int answers) throws InterruptedException {
		waitFor(() -> assessment.current(fixtures.viewer(org.learnerA()), course.id())
			.map(attempt -> attempt.answers().size() == answers)
			.orElse(false), "the answers to be saved on the server");
	}

	private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Waited in vain for " + what);
	}
}
