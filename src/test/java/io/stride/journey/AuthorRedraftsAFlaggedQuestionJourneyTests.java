package io.stride.journey;

import java.util.List;
import java.util.Set;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.review.Reviews;
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
 * Every learner found the quiz of a medium-risk course easy, so item analysis flags its questions. The author opens
 * a flagged question's redraft page, picks an alternative drafted from the same passage, edits it and saves it; the
 * new version goes to review, a reviewer approves it, and the author sees the new question live on the item analysis
 * page, waiting for attempts before its figures are set beside the old ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorRedraftsAFlaggedQuestionJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	Reviews reviews;

	@Autowired
	io.stride.support.ItemAnalysisSettings settings;

	Org org;

	Course course;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		// a few learners stand for the many a real course has before its questions are flagged
		settings.flagFromFirstAttempt();
		org = fixtures.organization();
		PersonId reviewer = fixtures.person(fixtures.admin(), "Sam Expert", "expert", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		reviews.setUp(fixtures.admin(), reviewer, "", true, false);
		browser = Browser.open(port, "redraft-flagged-question");
	}

	@AfterEach
	void stop() {
		settings.defaults();
		browser.close();
	}

	@Test
	void authorRedraftsAFlaggedQuestion() throws Exception {
		mediumRiskCourseEveryLearnerFindsEasy();

		signIn("manager-a");
		browser.go("/courses/" + course.id() + "/item-analysis");
		assertThat(browser.find("#question-1 .flags").getText()).contains("Too easy");
		browser.checkAccessibility();
		browser.navigateByKeyboard("#redraft-1");

		assertThat(browser.find("h1").getText()).startsWith("Redraft a question of");
		assertThat(browser.find("#current-flags").getText()).contains("Too easy");
		assertThat(browser.find("#source-passage").getText()).isNotBlank();
		assertThat(browser.all(".alternatives > li")).isNotEmpty();
		browser.checkAccessibility();
		browser.screenshot("alternatives");
		browser.navigate("#pick-1");

		String prompt = browser.find("#prompt").getDomProperty("value");
		assertThat(prompt).isNotBlank();
		browser.type("#prompt", prompt + " Choose the best answer.");
		browser.type("#explanation", "See the expense policy.");
		browser.checkAccessibility();
		browser.navigate("#save-redraft");

		assertThat(browser.text()).contains("Saved: the new question replaces the old one",
				"Draft of version 2; version 1 is published");
		assertThat(browser.find("#redraft-row-1").getText()).contains(prompt + " Choose the best answer.");
		browser.checkAccessibility();
		browser.navigate("#submit-redrafts");
		assertThat(browser.text()).contains("Sent for review (medium risk): version 2 is published when the review approves it.",
				"Version 2 in review");
		signOut();

		signIn("expert");
		// this course's row of the queue: in a shared test database other tests' drafts of the same policy wait there
		// under the same title
		browser.go("/reviews");
		String caseLink = "/reviews/" + reviews.latestFor(course.id()).orElseThrow().id();
		assertThat(browser.find("a[href='" + caseLink + "']").getText()).isEqualTo(course.title());
		// opened as a page load rather than by a click: in a full run the case page has taken over the 30 s a click
		// waits for its navigation (see the stop's note), while a page load may take its time
		browser.go(caseLink);
		assertThat(browser.text()).contains(prompt + " Choose the best answer.");
		browser.navigate("#approve");
		assertThat(browser.text()).contains("Approved: the course is published.");
		signOut();

		signIn("manager-a");
		browser.go("/courses/" + course.id() + "/item-analysis");
		assertThat(browser.find("#question-1 th").getText()).contains(prompt + " Choose the best answer.");
		assertThat(browser.find("#redraft-row-1 .redraft-state").getText()).isEqualTo("Published in version 2");
		assertThat(browser.find("#redraft-row-1 .attempts-needed").getText()).isEqualTo("10 more first attempts needed");
		assertThat(browser.all("#submit-redrafts")).isEmpty();
		browser.checkAccessibility();
		browser.screenshot("new-version-live");
	}

	/** Drafted from the expense policy, published, and taken by three learners who get every question right. */
	private void mediumRiskCourseEveryLearnerFindsEasy() throws Exception {
		var author = fixtures.viewer(org.managerA());
		course = fixtures.publishedDraftedCourse(author, RiskTier.MEDIUM, "Finance reviews expense courses.");
		for (PersonId learner : List.of(org.learnerA(), org.learnerSubA(), org.learnerB())) {
			assessment.submit(fixtures.viewer(learner), course.id(),
					course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList(), null);
		}
	}

	private void signIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void signOut() {
		browser.navigate("form[action='/logout'] button");
	}
}
