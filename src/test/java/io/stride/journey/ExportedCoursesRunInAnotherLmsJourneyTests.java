package io.stride.journey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.QuizSettings;
import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import io.stride.media.MediaItem;
import io.stride.support.EveryKind;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author exports a published course with an image and every kind of question, through the API, as SCORM 1.2,
 * SCORM 2004 and cmi5; each package, unzipped and served over HTTP, runs in a real browser against the other side:
 * a test LMS built on the scorm-again runtime for SCORM, a small LRS for cmi5. A learner reads the lessons, takes the
 * quiz, and the LMS has the status, the score and the suspend data the course reported, and resumes where they
 * left; the LRS has initialized, passed, completed and terminated with the cmi5 category and the session id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportedCoursesRunInAnotherLmsJourneyTests {

	private static final String CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";

	private static final String SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	CourseMedia media;

	@TempDir
	Path unzipped;

	Org org;

	Course course;

	PackageHost host;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void publishedCourseWithAnImageAndEveryKindOfQuestion() throws Exception {
		org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, EveryKind.course("Reporting an incident " + org.suffix(), QuizSettings.NONE));
		byte[] png = png();
		MediaItem image = media.upload(author, draft.id(), new CourseMedia.Upload(
				new CourseMedia.UploadedFile("form.png", png.length, new ByteArrayResource(png)), "The incident form", false,
				null, null));
		CourseContent content = draft.content();
		List<Lesson> lessons = new ArrayList<>(content.lessons());
		Lesson first = lessons.get(0);
		lessons.set(0, new Lesson(first.id(), first.title(), first.markdown() + "\n\n" + image.markdown(),
				first.sources(), first.module(), first.knowledgeChecks()));
		Course saved = authoring.update(author, draft.id(), draft.revision(), content.with(lessons, content.quiz()));
		course = authoring.publish(author, saved.id(), saved.revision());
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
		if (host != null) {
			host.close();
		}
	}

	@Test
	void scorm12PackageReportsPassedWithItsScoreAndResumesWhereTheLearnerLeft() throws Exception {
		serve(exported("scorm12", true));
		browser = Browser.open(host.port(), "export-scorm12");
		browser.go("/lms/lms.html?version=1.2&launch=" + encode("/package/index.html"));
		browser.intoFrame("#sco");
		learnerReadsBothLessonsAndSeesTheImage();
		learnerTakesTheQuiz(false);
		browser.waitForText("#quiz-result", "you scored 86%");
		browser.outOfFrames();
		assertThat(lastSet("LMSSetValue", "cmi.core.lesson_status")).isEqualTo("passed");
		assertThat(lastSet("LMSSetValue", "cmi.core.score.raw")).isEqualTo("86");
		assertThat(lastSet("LMSSetValue", "cmi.core.score.min")).isEqualTo("0");
		assertThat(lastSet("LMSSetValue", "cmi.core.score.max")).isEqualTo("100");
		assertThat(lastSet("LMSSetValue", "cmi.core.lesson_location")).isEqualTo("quiz");
		assertThat(lastSet("LMSSetValue", "cmi.suspend_data")).contains("\"seen\":[0,1]");
		browser.intoFrame("#sco");
		browser.click("#next");
		browser.waitForText("#finished", "You have finished");
		browser.outOfFrames();
		List<String> calls = calls();
		assertThat(calls.getFirst()).isEqualTo("LMSInitialize");
		assertThat(calls).contains("LMSCommit").endsWith("LMSCommit", "LMSFinish");
		everyCallSucceeded();
		host.waitForCommit("1.2");
		assertThat(host.lastCommit("1.2").toString()).contains("passed");

		// the next launch opens at the quiz with the result, the lessons marked seen
		browser.go("/lms/lms.html?version=1.2&resume=1&launch=" + encode("/package/index.html"));
		browser.intoFrame("#sco");
		browser.waitForText("#quiz-result", "you scored 86%");
		assertThat(browser.find("#quiz-title").getText()).isEqualTo("Quiz");
		assertThat(browser.all("#course-outline button.seen")).hasSize(2);
	}

	@Test
	void scorm2004PackageReportsCompletedPassedAndTheScaledScore() throws Exception {
		serve(exported("scorm2004", true));
		browser = Browser.open(host.port(), "export-scorm2004");
		browser.go("/lms/lms.html?version=2004&launch=" + encode("/package/index.html"));
		browser.intoFrame("#sco");
		learnerReadsBothLessonsAndSeesTheImage();
		learnerTakesTheQuiz(true);
		browser.waitForText("#quiz-result", "you scored 100%");
		browser.click("#next");
		browser.waitForText("#finished", "You have finished");
		browser.outOfFrames();
		assertThat(lastSet("SetValue", "cmi.completion_status")).isEqualTo("completed");
		assertThat(lastSet("SetValue", "cmi.success_status")).isEqualTo("passed");
		assertThat(lastSet("SetValue", "cmi.score.scaled")).isEqualTo("1");
		assertThat(lastSet("SetValue", "cmi.location")).isEqualTo("quiz");
		assertThat(lastSet("SetValue", "cmi.suspend_data")).contains("\"passed\":true");
		List<String> calls = calls();
		assertThat(calls.getFirst()).isEqualTo("Initialize");
		assertThat(calls).endsWith("Commit", "Terminate");
		everyCallSucceeded();
	}

	@Test
	void scorm2004PackageWithoutTheQuizIsCompletedByReadingTheLessons() throws Exception {
		Map<String, byte[]> zip = exported("scorm2004", false);
		assertThat(new String(zip.get("course.js"), StandardCharsets.UTF_8)).contains("\"quiz\":null");
		serve(zip);
		browser = Browser.open(host.port(), "export-scorm2004-no-quiz");
		browser.go("/lms/lms.html?version=2004&launch=" + encode("/package/index.html"));
		browser.intoFrame("#sco");
		browser.waitForText("#lesson-title", "Spot it");
		assertThat(lastSet("SetValue", "cmi.completion_status")).isEqualTo("incomplete");
		browser.intoFrame("#sco");
		browser.click("#next");
		browser.waitForText("#lesson-title", "Report it");
		browser.click("#next");
		browser.waitForText("#finished", "You have finished");
		browser.outOfFrames();
		assertThat(lastSet("SetValue", "cmi.completion_status")).isEqualTo("completed");
		assertThat(setKeys()).doesNotContain("cmi.success_status", "cmi.score.scaled");
		everyCallSucceeded();
	}

	@Test
	void cmi5PackageSendsInitializedPassedCompletedAndTerminatedInItsSession() throws Exception {
		Map<String, byte[]> zip = exported("cmi5", true);
		serve(zip);
		String registration = UUID.randomUUID().toString();
		String structure = new String(zip.get("cmi5.xml"), StandardCharsets.UTF_8);
		String au = attribute(structure, "<au id=\"");
		String courseIri = attribute(structure, "<course id=\"");
		host.launchData("{\"contextTemplate\":{\"contextActivities\":{\"grouping\":[{\"id\":\"" + courseIri + "\"}]},\"extensions\":{\"" + SESSION_ID + "\":\"session-7\"}},"
				+ "\"launchMode\":\"Normal\",\"moveOn\":\"CompletedAndPassed\",\"masteryScore\":0.5}");
		browser = Browser.open(host.port(), "export-cmi5");
		String actor = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"learner-1\"}}";
		browser.go("/package/index.html?endpoint=" + encode(host.base() + "/lrs/") + "&fetch=" + encode(host.base() + "/fetch")
				+ "&actor=" + encode(actor) + "&registration=" + registration + "&activityId=" + encode(au));
		browser.waitForText("#lms-status", "Connected to your learning platform (cmi5)");
		learnerReadsBothLessonsAndSeesTheImage();
		browser.checkAccessibility();
		learnerTakesTheQuiz(false);
		browser.waitForText("#quiz-result", "you scored 86%");
		browser.checkAccessibility();
		browser.click("#next");
		browser.waitForText("#finished", "You have finished");
		assertThat(verbs()).containsExactly("initialized", "passed", "completed", "terminated");
		for (JsonNode statement : host.statements) {
			assertThat(statement.at("/context/registration").asString()).isEqualTo(registration);
			assertThat(statement.at("/context/extensions").get(SESSION_ID).asString()).isEqualTo("session-7");
			assertThat(statement.at("/context/contextActivities/category").toString()).contains(CMI5_CATEGORY);
			assertThat(statement.at("/object/id").asString()).isEqualTo(au);
			assertThat(statement.at("/actor/account/name").asString()).isEqualTo("learner-1");
		}
		JsonNode passed = host.statements.get(1);
		assertThat(passed.at("/result/score/scaled").asDouble()).isEqualTo(0.8571);
		assertThat(passed.at("/result/success").asBoolean()).isTrue();
		assertThat(host.authorizations).isNotEmpty().allMatch(a -> a.equals("Basic " + PackageHost.TOKEN));
	}

	@Test
	void authorFindsTheExportOnTheCoursePageAndChoosesByKeyboard() throws Exception {
		browser = Browser.open(port, "export-page");
		browser.go("/login");
		browser.type("#email", org.email("manager-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		browser.go("/courses/" + course.id().value() + "/assign");
		browser.navigate("#export-link");
		assertThat(browser.find("h1").getText()).startsWith("Export Reporting an incident");
		assertThat(browser.find("#format-scorm12").isSelected()).isTrue();
		assertThat(browser.find("#quiz").isSelected()).isTrue();
		assertThat(browser.find("#quiz-note").getText()).contains("right answers travel in the package");
		browser.checkAccessibility();
		// the radios are one group: the arrow keys move the choice
		browser.focus("#format-scorm12");
		browser.focused().sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.find("#format-scorm2004").isSelected()).isTrue();
		browser.screenshot("export-page");
	}

	private void learnerReadsBothLessonsAndSeesTheImage() {
		browser.waitForText("#lesson-title", "Spot it");
		browser.waitUntil("var i = document.querySelector('.lesson-body img');"
				+ " return i !== null && i.complete && i.naturalWidth === 120;");
		assertThat(browser.find(".lesson-body img").getAttribute("alt")).isEqualTo("The incident form");
		browser.click("#next");
		browser.waitForText("#lesson-title", "Report it");
		browser.click("#next");
		browser.waitForText("#quiz-title", "Quiz");
	}

	/** Every kind answered right; the numeric one wrong unless {@code allRight} (6 of 7 is 86%). */
	private void learnerTakesTheQuiz(boolean allRight) {
		browser.click("#q1-answer-0");
		browser.click("#q2-answer-0");
		browser.click("#q2-answer-1");
		browser.click("#q2-answer-3");
		browser.click("#q3-answer-1");
		browser.select("#q4-answer-0", "Stop");
		browser.select("#q4-answer-1", "Report");
		browser.select("#q4-answer-2", "Record");
		browser.type("#q5-answer", "creme brulee");
		browser.select("#q6-answer-0", "Paris");
		browser.select("#q6-answer-1", "Madrid");
		browser.type("#q7-answer", allRight ? "1,55 kg" : "2");
		browser.click("#submit-quiz");
	}

	private Map<String, byte[]> exported(String format, boolean quiz) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/courses/" + course.id().value() + "/export?format="
					+ format + "&quiz=" + quiz))
			.header("Authorization", "Bearer " + fixtures.token(org.managerA()))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment;").contains("reporting-an-incident-").contains("-" + format + ".zip");
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private void serve(Map<String, byte[]> zip) throws Exception {
		for (var entry : zip.entrySet()) {
			Path file = unzipped.resolve(entry.getKey()).normalize();
			assertThat(file.startsWith(unzipped)).as(entry.getKey()).isTrue();
			Files.createDirectories(file.getParent());
			Files.write(file, entry.getValue());
		}
		host = new PackageHost(unzipped);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> lmsCalls() {
		return (List<Map<String, Object>>) browser.script("return window.lmsCalls;");
	}

	private List<String> calls() {
		return lmsCalls().stream().map(c -> (String) c.get("call")).filter(c -> !c.endsWith("GetValue")).toList();
	}

	private List<String> setKeys() {
		browser.outOfFrames();
		return lmsCalls().stream().filter(c -> ((String) c.get("call")).endsWith("SetValue"))
			.map(c -> (String) ((List<Object>) c.get("args")).get(0)).toList();
	}

	/** The last value the course set for an element, as the LMS took it; read in the LMS's page, left there. */
	@SuppressWarnings("unchecked")
	private String lastSet(String call, String element) {
		browser.outOfFrames();
		String value = null;
		for (Map<String, Object> c : lmsCalls()) {
			List<Object> args = (List<Object>) c.get("args");
			if (call.equals(c.get("call")) && element.equals(args.get(0))) {
				value = String.valueOf(args.get(1));
			}
		}
		return value;
	}

	/** scorm-again refuses values outside the data model with an error code: none was refused. */
	private void everyCallSucceeded() {
		browser.outOfFrames();
		assertThat(lmsCalls()).allSatisfy(c -> {
			// reading an element the LMS has no value for yet is an error in SCORM 2004 (403), and expected
			if (!((String) c.get("call")).endsWith("GetValue")) {
				assertThat(c.get("result")).as(c.toString()).isEqualTo("true");
				assertThat(c.get("error")).as(c.toString()).isIn("0", "");
			}
		});
	}

	private List<String> verbs() {
		return host.statements.stream().map(s -> s.at("/verb/id").asString())
			.map(id -> id.substring(id.lastIndexOf('/') + 1))
			.toList();
	}

	private static String attribute(String xml, String before) {
		int start = xml.indexOf(before) + before.length();
		return xml.substring(start, xml.indexOf('"', start));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static byte[] png() throws Exception {
		var image = new java.awt.image.BufferedImage(120, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new java.awt.Color(31, 95, 170));
		g.fillRect(0, 0, 120, 60);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
