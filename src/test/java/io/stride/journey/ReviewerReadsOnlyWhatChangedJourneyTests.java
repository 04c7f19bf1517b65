package io.stride.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ReuseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course built partly from another's parts goes through review twice: the reviewer reads only what is new or changed,
 * opens a folded part by keyboard to see where it was reviewed; then, as L&D, follows the reused lesson across the
 * courses using it. Every page passes axe-core at desktop width and at 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewerReadsOnlyWhatChangedJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReuseFixtures reuse;

	@Autowired
	Authoring authoring;

	@Autowired
	Reviews reviews;

	@Autowired
	LearningRecord record;

	@Autowired
	PlatformTransactionManager transactions;

	Browser browser;

	Org org;

	PersonId lee;

	Course source;

	Course course;

	String secondCase;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void aCourseReusingALessonInItsSecondReview() throws Exception {
		org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		lee = fixtures.person(fixtures.admin(), "Lee Learning " + org.suffix(), "lee", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		source = reuse.source(fixtures.viewer(org.managerB()), "Running an EBR " + org.suffix());
		course = reuse.reusing(author, source, "Incidents, our way " + org.suffix(), RiskTier.MEDIUM);
		authoring.requestPublication(author, course.id(), course.revision());
		reviews.approve(fixtures.viewer(lee), reviews.latestFor(course.id()).orElseThrow().id(), null);
		Course v1 = authoring.course(author, course.id());
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		List<Lesson> lessons = new ArrayList<>(draft.lessons());
		Lesson opening = lessons.get(0);
		lessons.set(0, new Lesson(opening.id(), opening.title(), "We start with the numbers.\n\nThen the customer's story.",
				opening.sources(), opening.module(), opening.knowledgeChecks()));
		Course v2 = authoring.update(author, draft.id(), draft.revision(), draft.content().with(lessons, draft.quiz()));
		authoring.requestPublication(author, v2.id(), v2.revision());
		secondCase = reviews.latestFor(course.id()).orElseThrow().id();
		// learners read the reused lesson in both courses
		read(org.learnerA(), source, 0);
		read(org.learnerA(), source, 1);
		read(org.learnerB(), v1, 1);
		browser = Browser.open(port, "review-by-change");
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void reviewerReadsOnlyWhatChangedAndTheAuthorFollowsTheReusedLesson() throws Exception {
		LearnerSteps.signIn(browser, "lee-" + org.suffix() + "@stride.test");
		browser.windowSize(1280, 800);
		browser.go("/reviews/" + secondCase);
		browser.checkAccessibility();
		assertThat(browser.find("#changes-summary").getText())
			.isEqualTo("1 of 6 parts is new or changed since version 1 (published) — read this one.");
		String opening = "#part-" + course.lessons().get(0).id();
		// the word added is marked for screen readers too, and the line labelled in words, not by colour alone
		assertThat(browser.find(opening + " .diff-changed").getText()).startsWith("Changed:");
		assertThat(browser.find(opening + " .diff-changed ins").getAttribute("textContent").replaceAll("\\s+", " ").strip())
			.isEqualTo("added: customer's");
		// the lesson itself once, rendered as learners see it
		assertThat(browser.find(opening + " .lesson-body").getText())
			.isEqualTo("We start with the numbers.\nThen the customer's story.");
		browser.screenshot("review-top-desktop");
		browser.scrollTo(opening);
		browser.screenshot("review-changed-part-desktop");
		// a folded part opens from the keyboard and says where it was read before
		String spot = "#part-" + course.lessons().get(1).id();
		assertThat(browser.find(spot).getAttribute("open")).isNull();
		browser.find(spot + " summary").sendKeys(Keys.ENTER);
		assertThat(browser.find(spot).getAttribute("open")).isNotNull();
		assertThat(browser.find(spot).getText()).contains("(linked).", "Unchanged since version 1: approved by Lee Learning",
				"Report within 1 hour.");
		// Decide is at hand wherever the reviewer has read to: the bar stays at the top of the window
		browser.scrollTo(spot);
		reachesDecideWithoutScrolling();
		browser.screenshot("review-decide-desktop");

		browser.windowSize(390, 844);
		browser.go("/reviews/" + secondCase);
		browser.checkAccessibility();
		browser.checkFitsWidth();
		reachesDecideWithoutScrolling();
		browser.checkAccessibility();
		browser.screenshot("review-changes-phone");
		browser.windowSize(1280, 900);

		// as L&D, Lee follows "Spot it" into the course that reused it: one learner read it in each, one went on
		browser.go("/analytics/components/" + source.lessons().get(0).id());
		browser.checkAccessibility();
		assertThat(browser.find("h1").getText()).isEqualTo("Lesson across courses: Spot it");
		assertThat(browser.all("#component-figures tbody tr")).hasSize(2);
		assertThat(browser.find("#pooled").getText()).isEqualTo("All courses shown pooled 2 1 50%");
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.screenshot("component-figures-phone");
	}

	/** The decision bar's "Decide" is in the window; Enter on it brings the approve button into the window. */
	private void reachesDecideWithoutScrolling() {
		assertThat(inWindow("#go-decide")).as("Decide in the window").isTrue();
		assertThat(browser.find("#go-decide").getText()).isEqualTo("Decide");
		browser.script("arguments[0].focus();", browser.find("#go-decide"));
		browser.find("#go-decide").sendKeys(Keys.ENTER);
		assertThat(inWindow("#approve")).as("the approve button in the window").isTrue();
		assertThat(inWindow("#go-decide")).as("the bar still in the window").isTrue();
	}

	private boolean inWindow(String css) {
		return (Boolean) browser.script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
				+ "return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", css);
	}

	private void read(PersonId learner, Course course, int position) {
		Lesson lesson = course.lessons().get(position);
		new TransactionTemplate(transactions).executeWithoutResult(tx -> record.record(new LearningAction(learner, "Learner",
				Verb.EXPERIENCED, ActivityType.LESSON, lesson.id(), lesson.title(), course.id().value(), null)));
	}
}
