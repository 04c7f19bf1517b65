package io.stride.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.authoring.Course;
import io.stride.delivery.Delivery;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner completes a course; nothing is due at first; three days later (the clock is moved) its questions come
 * back in the review queue, the learner answers them with the keyboard, sees the feedback and when each comes back,
 * and ends on "nothing due today". Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class LearnerReviewsAQuestionWhenItComesDueJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Autowired
	LearningRecord record;

	@Autowired
	MovableClock clock;

	Org org;

	Course course;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		clock.reset();
		org = fixtures.organization();
		var manager = fixtures.viewer(org.managerA());
		course = fixtures.publishedCourse(manager, "Incident reporting " + org.suffix());
		delivery.assign(manager, course.id(), org.teamA(), LocalDate.now().plusDays(14));
		browser = Browser.open(port, "spaced-review");
	}

	@AfterEach
	void stop() {
		browser.close();
		clock.reset();
	}

	@Test
	void learnerReviewsAQuestionWhenItComesDue() throws Exception {
		LearnerSteps.signIn(browser, org.email("learner-a"));
		completesTheCourse();
		findsNothingDueYet();

		threeDaysPass();
		answersTheFirstQuestionWithTheKeyboard();
		answersTheSecondQuestionWrongAndSeesWhy();
		endsWithNothingDueToday();
	}

	private void completesTheCourse() throws Exception {
		browser.navigate(browser.link(course.title()));
		browser.navigate("#take-quiz");
		LearnerSteps.pick(browser, "Report within?", "1 hour");
		LearnerSteps.pick(browser, "Which are steps?", "Stop");
		LearnerSteps.pick(browser, "Which are steps?", "Report");
		browser.navigate("#submit-quiz");
		assertThat(browser.find("#verdict").getText()).isEqualTo("Passed");
	}

	private void findsNothingDueYet() throws Exception {
		browser.navigateByMenu("learn", "a[href='/practice']");
		assertThat(browser.find("#review-empty").getText())
			.isEqualTo("Nothing due today — next review on " + today().plusDays(3) + ".");
		assertThat(browser.find("#retention").getText()).contains(course.title() + " 100% 2 0 " + today().plusDays(3));
		browser.checkAccessibility();
		browser.screenshot("nothing-due");
	}

	private void threeDaysPass() {
		clock.advance(Duration.ofDays(3));
	}

	private void answersTheFirstQuestionWithTheKeyboard() throws Exception {
		browser.go("/practice");
		assertThat(browser.find("#review-question-heading").getText()).isEqualTo("Question 1 of 2 today");
		assertThat(browser.find("#review-prompt").getText()).isEqualTo("Report within?");
		browser.checkAccessibility();
		browser.screenshot("question");
		// the first option has the focus: "1" ticks it, Enter sends the answer
		var first = browser.find("input[name=option][value='0']");
		assertThat(first.isSelected()).isFalse();
		first.sendKeys("1");
		assertThat(first.isSelected()).isTrue();
		first.sendKeys(Keys.ENTER);
		browser.waitForText("#review-verdict", "Right.");
		assertThat(browser.find("#review-verdict").getText()).startsWith("Right.")
			.contains("This question comes back on " + today().plusDays(11) + " (in 11 days).");
		assertThat(browser.text()).contains("Why: The policy says 1 hour.");
		browser.checkAccessibility();
		browser.screenshot("feedback-right");
		browser.navigate("#next-question");
	}

	private void answersTheSecondQuestionWrongAndSeesWhy() throws Exception {
		assertThat(browser.find("#review-question-heading").getText()).isEqualTo("Question 2 of 2 today");
		assertThat(browser.find("#review-prompt").getText()).startsWith("Which are steps?");
		browser.click("input[name=option][value='0']");
		browser.navigate("#check-answer");
		assertThat(browser.find("#review-verdict").getText()).startsWith("Not quite.")
			.contains("This question comes back on " + today().plusDays(1) + " (in 1 day).");
		assertThat(browser.text()).contains("Report — correct answer").contains("Why: Stop, then report.");
		browser.checkAccessibility();
		browser.navigate("#next-question");
	}

	private void endsWithNothingDueToday() throws Exception {
		assertThat(browser.find("#review-empty").getText())
			.isEqualTo("Nothing due today — next review on " + today().plusDays(1) + ".");
		browser.checkAccessibility();
		browser.screenshot("done-for-today");
		assertThat(record.statementsOf(org.learnerA())
			.stream()
			.filter(s -> s.verbIri().equals(Verb.ANSWERED.iri()))).as("two quiz answers and two review answers").hasSize(4);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
