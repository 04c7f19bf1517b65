package io.stride.journey;

import java.nio.file.Files;
import java.nio.file.Path;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.identity.Viewer;
import io.stride.support.Cmi5Packages;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author imports a cmi5 course on the import page; once it is published, a learner opens its lesson, where the AU
 * runs in its sandboxed frame and does what an AU does: fetches its token, reads LMS.LaunchData and says initialized
 * to Stride's LRS across the sandbox. Finishing sends completed, passed and terminated; the AU's moveOn is met, so
 * the lesson and the course are done and the course is satisfied in the record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerLaunchesACmi5AuAndTheCourseIsDoneJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		browser = Browser.open(port, "cmi5-au");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void learnerRunsTheAuInItsSandboxAndTheCourseIsDone() throws Exception {
		signsIn("manager-a");
		Course course = authorImportsTheCmi5CourseAndPublishes();
		signsOutAndIn("learner-a");
		String lesson = "/learning/courses/" + course.id().value() + "/lessons/" + course.lessons().getFirst().id();
		learnerOpensTheLessonAndTheAuStartsItsSession(lesson);
		learnerFinishesInTheAuAndTheCourseIsDone(course, lesson);
	}

	private Course authorImportsTheCmi5CourseAndPublishes() throws Exception {
		browser.go("/courses");
		browser.navigate("#import-package-link");
		Path zip = files.resolve("ladder-cmi5.zip");
		Files.write(zip, Cmi5Packages.zip());
		browser.attach("#package-file", zip);
		browser.navigate("#import-package");
		browser.waitForText(".notice", "Imported \u201cLadder safety (cmi5)\u201d (cmi5) as a draft with 1 lesson");
		String courseId = browser.path().split("/")[2];
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.editable(author, new io.stride.authoring.CourseId(courseId));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private void learnerOpensTheLessonAndTheAuStartsItsSession(String lesson) throws Exception {
		browser.go(lesson);
		assertThat(browser.find("#cmi5-player h2").getText()).isEqualTo("Lesson content");
		assertThat(browser.find("#cmi5-frame").getAttribute("title")).isEqualTo("Before you climb");
		browser.enterFrame("#cmi5-frame");
		browser.waitForText("#state", "initialized");
		assertThat(browser.find("#mode").getText()).isEqualTo("Normal");
		assertThat(browser.find("#move-on").getText()).isEqualTo("CompletedAndPassed");
		// the sandbox holds: an opaque origin and no cookie of Stride's, yet the LRS answered it
		assertThat(browser.script("return window.origin + '|' + (function () { try { return document.cookie; } "
				+ "catch (e) { return 'no cookies'; } }())")).isEqualTo("null|no cookies");
		browser.leaveFrame();
		browser.screenshot("au-initialized");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.screenshot("au-on-a-phone");
		browser.windowSize(1280, 1000);
	}

	private void learnerFinishesInTheAuAndTheCourseIsDone(Course course, String lesson) throws Exception {
		browser.enterFrame("#cmi5-frame");
		browser.click("#finish");
		browser.waitForText("#state", "finished");
		browser.leaveFrame();
		assertThat(delivery.progressIn(fixtures.viewer(org.learnerA()), course.id()).status())
			.isEqualTo(ProgressStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements WHERE actor_id = ? AND verb = ?")
			.params(org.learnerA().value(), "https://w3id.org/xapi/adl/verbs/satisfied").query(Integer.class).single())
			.isEqualTo(1);
		browser.go(lesson);
		browser.waitForText("#cmi5-state", "You have finished this lesson");
		assertThat(browser.find("#finish").getText()).isEqualTo("Finish: see your certificate");
		browser.screenshot("au-finished");
		browser.checkAccessibility();
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void signsOutAndIn(String handle) {
		browser.go("/courses");
		browser.navigate("form[action='/logout'] button");
		signsIn(handle);
	}
}
