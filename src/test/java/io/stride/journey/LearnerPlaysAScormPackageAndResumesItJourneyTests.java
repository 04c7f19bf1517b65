package io.stride.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ScormPackages;
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
 * An author imports a SCORM 1.2 package on the import page (a broken one first, refused at its field); once it is
 * published, a learner opens its lesson, where the SCO plays in its sandboxed frame, bookmarks a page and leaves
 * without the SCO committing; the player saved it on the way out, so coming back the SCO resumes where it was.
 * Finishing with a score completes the lesson and the course, with the score in the learning record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerPlaysAScormPackageAndResumesItJourneyTests {

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

	@Autowired
	io.stride.packages.scorm.ScormImport scormImport;

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
		browser = Browser.open(port, "scorm-package");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void learnerLeavesMidwayComesBackToTheSavedPlaceAndFinishes() throws Exception {
		signsIn("manager-a");
		authorIsToldWhatIsWrongWithABrokenPackage();
		Course course = authorImportsThePackageAndPublishes();
		signsOutAndIn("learner-a");
		String lesson = "/learning/courses/" + course.id().value() + "/lessons/" + course.lessons().getFirst().id();
		learnerOpensTheLessonAndTheScoStartsFresh(lesson);
		scoBookmarksAPageAndTheLearnerLeavesWithoutACommit();
		learnerComesBackAndTheScoResumesWhereItWas(lesson);
		learnerFinishesWithAScoreAndTheCourseIsDone(course);
	}

	@Test
	void scorm2004ScoCommitsResumesAndCompletesWithSuccessApart() throws Exception {
		Viewer author = fixtures.viewer(org.managerA());
		var imported = scormImport.importPackage(author, "forklift.zip", ScormPackages.scorm2004());
		Course draft = authoring.editable(author, imported.courseId());
		Course course = authoring.publish(author, draft.id(), draft.revision());
		signsIn("learner-a");
		String lesson = "/learning/courses/" + course.id().value() + "/lessons/" + course.lessons().getFirst().id();
		browser.go(lesson);
		browser.enterFrame("#package-frame");
		browser.waitForText("#state", "ready");
		assertThat(browser.find("#entry").getText()).isEqualTo("ab-initio");
		browser.click("#save");
		browser.waitForText("#state", "saved true");
		browser.leaveFrame();
		browser.waitForText("#package-save-state", "Saved.");
		browser.reload();
		browser.enterFrame("#package-frame");
		browser.waitForText("#state", "ready");
		assertThat(browser.find("#entry").getText()).isEqualTo("resume");
		assertThat(browser.find("#suspend").getText()).isEqualTo("page=3;answers=B,C");
		assertThat(browser.find("#location").getText()).isEqualTo("page-3");
		browser.click("#finish");
		browser.waitForText("#state", "finished");
		browser.leaveFrame();
		browser.waitForText("#package-save-state", "This lesson is done");
		// one of two lessons done: the course is under way, not complete
		var progress = delivery.progressIn(fixtures.viewer(org.learnerA()), course.id());
		assertThat(progress.readCount()).isEqualTo(1);
		assertThat(progress.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
		browser.checkAccessibility();
	}

	@Test
	void theDemoOrganizationsPhishingPackagePlaysToCompletion() throws Exception {
		Viewer author = fixtures.viewer(org.managerA());
		java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
		for (String file : java.util.List.of("imsmanifest.xml", "index.html", "lesson.js", "lesson.css")) {
			try (var in = getClass().getResourceAsStream("/demo/scorm/phishing/" + file)) {
				files.put(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		var imported = scormImport.importPackage(author, "acme-phishing-scorm12.zip", ScormPackages.zip(files));
		Course draft = authoring.editable(author, imported.courseId());
		Course course = authoring.publish(author, draft.id(), draft.revision());
		signsIn("learner-a");
		browser.go("/learning/courses/" + course.id().value() + "/lessons/" + course.lessons().getFirst().id());
		browser.enterFrame("#package-frame");
		browser.find("input[value='click']").click();
		browser.click("#question button[type=submit]");
		browser.waitForText("#feedback", "Not quite");
		browser.find("input[value='report']").click();
		browser.click("#question button[type=submit]");
		browser.waitForText("#feedback", "This lesson is done");
		browser.leaveFrame();
		browser.waitForText("#package-save-state", "This lesson is done");
		browser.checkAccessibility();
		assertThat(delivery.progressIn(fixtures.viewer(org.learnerA()), course.id()).status())
			.isEqualTo(ProgressStatus.COMPLETED);
	}

	private void authorIsToldWhatIsWrongWithABrokenPackage() throws Exception {
		browser.go("/courses");
		browser.navigate("#import-package-link");
		assertThat(browser.find("h1").getText()).isEqualTo("Import a SCORM package");
		browser.checkAccessibility();
		Map<String, String> broken = ScormPackages.scorm12Files();
		broken.remove("sco/index.html");
		Path zip = files.resolve("broken-ladder.zip");
		Files.write(zip, ScormPackages.zip(broken));
		browser.attach("#package-file", zip);
		browser.navigate("#import-package");
		browser.waitForText("#package-file-error", "launches sco/index.html, which is not in the package");
		assertThat(browser.find("#package-file").getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("import-refused");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.windowSize(1280, 1000);
	}

	private Course authorImportsThePackageAndPublishes() throws Exception {
		Path zip = files.resolve("ladder.zip");
		Files.write(zip, ScormPackages.scorm12());
		browser.attach("#package-file", zip);
		browser.navigate("#import-package");
		browser.waitForText(".notice", "Imported \u201cLadder safety\u201d (SCORM 1.2) as a draft with 1 lesson");
		String courseId = browser.path().split("/")[2];
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.editable(author, new io.stride.authoring.CourseId(courseId));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private void learnerOpensTheLessonAndTheScoStartsFresh(String lesson) throws Exception {
		browser.go(lesson);
		assertThat(browser.find("#package-player h2").getText()).isEqualTo("Lesson content");
		assertThat(browser.find("#package-frame").getAttribute("title")).isEqualTo("Before you climb");
		browser.enterFrame("#package-frame");
		browser.waitForText("#state", "ready");
		assertThat(browser.find("#entry").getText()).isEqualTo("ab-initio");
		assertThat(browser.find("#suspend").getText()).isEmpty();
		assertThat(browser.find("#learner").getText()).isEqualTo("Learner A");
		// the sandbox holds: the SCO's document has an opaque origin and no cookie of Stride's
		assertThat(browser.script("return window.origin + '|' + (function () { try { return document.cookie; } "
				+ "catch (e) { return 'no cookies'; } }())")).isEqualTo("null|no cookies");
		browser.leaveFrame();
		browser.screenshot("sco-started");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.screenshot("sco-on-a-phone");
		browser.windowSize(1280, 1000);
	}

	private void scoBookmarksAPageAndTheLearnerLeavesWithoutACommit() throws Exception {
		browser.enterFrame("#package-frame");
		browser.click("#bookmark");
		browser.waitForText("#state", "bookmarked");
		browser.leaveFrame();
		// away to My learning: the page is hidden and the player sends what the SCO set, with keepalive
		browser.go("/learning");
		for (int i = 0; i < 50 && suspendData() == null; i++) {
			Thread.sleep(100);
		}
		assertThat(suspendData()).isEqualTo("page=3;answers=B,C");
	}

	private void learnerComesBackAndTheScoResumesWhereItWas(String lesson) {
		browser.go(lesson);
		browser.enterFrame("#package-frame");
		browser.waitForText("#state", "ready");
		assertThat(browser.find("#entry").getText()).isEqualTo("resume");
		assertThat(browser.find("#suspend").getText()).isEqualTo("page=3;answers=B,C");
		assertThat(browser.find("#location").getText()).isEqualTo("page-3");
		browser.leaveFrame();
	}

	private void learnerFinishesWithAScoreAndTheCourseIsDone(Course course) throws Exception {
		browser.enterFrame("#package-frame");
		browser.click("#finish");
		browser.waitForText("#state", "finished");
		browser.leaveFrame();
		browser.waitForText("#package-save-state", "This lesson is done");
		browser.screenshot("sco-finished");
		assertThat(delivery.progressIn(fixtures.viewer(org.learnerA()), course.id()).status())
			.isEqualTo(ProgressStatus.COMPLETED);
		var passed = jdbc.sql("SELECT result_score, result_success FROM statements WHERE actor_id = ? AND verb LIKE ?")
			.params(org.learnerA().value(), "%passed")
			.query()
			.singleRow();
		assertThat(((Number) passed.get("result_score")).doubleValue()).isEqualTo(0.85);
		browser.reload();
		assertThat(browser.find("#finish").getText()).isEqualTo("Finish: see your certificate");
	}

	private String suspendData() {
		return jdbc.sql("SELECT suspend_data FROM package_attempts WHERE person_id = ?")
			.param(org.learnerA().value())
			.query(String.class)
			.optional()
			.orElse(null);
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
