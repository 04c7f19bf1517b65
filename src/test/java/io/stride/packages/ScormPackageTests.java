package io.stride.packages;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ScormPackages;
import io.stride.support.SignedIn;
import io.stride.support.ZipBombs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCORM packages from upload to a counted lesson, over the application's real chains: import through the API and the
 * page, refusals that keep nothing, the sandboxed content path and its token, and commits that never lose a
 * completion.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScormPackageTests {

	private static final Pattern CONTENT_URL = Pattern.compile("data-content-url=\"([^\"]+)\"");

	private static final Pattern COMMIT_URL = Pattern.compile("data-commit-url=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void authorImportsAScorm12PackageThroughTheApiAsADraftWithOneLessonPerSco() throws Exception {
		JsonNode imported = importThroughApi(ScormPackages.scorm12(), "ladder.zip");
		assertThat(imported.get("standard").asString()).isEqualTo("SCORM_12");
		assertThat(imported.get("title").asString()).isEqualTo("Ladder safety");
		assertThat(imported.get("files").asInt()).isEqualTo(4);
		assertThat(imported.get("lessons")).hasSize(1);
		assertThat(imported.get("notes").get(0).asString()).contains("Ladder checklist (PDF)");
		Course course = authoring.editable(fixtures.viewer(org.managerA()), new CourseId(imported.get("courseId").asString()));
		assertThat(course.status().name()).isEqualTo("DRAFT");
		assertThat(course.lessons()).singleElement().satisfies(lesson -> {
			assertThat(lesson.title()).isEqualTo("Before you climb");
			assertThat(lesson.id()).isEqualTo(imported.get("lessons").get(0).get("lessonId").asString());
			// the marker is for Stride; what a reader sees is the sentence
			assertThat(lesson.html()).contains("This lesson plays").doesNotContain("stride-package-item", "/packages/items/");
		});
	}

	@Test
	void aCourseThatPlaysAnImportedPackageIsNotExportedAsAnEmptyShell() throws Exception {
		Course course = publishedLadder();
		mvc.perform(get("/api/v1/courses/" + course.id().value() + "/export").param("format", "scorm12")
			.header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("plays an imported SCORM or cmi5 package")));
		String page = mvc.perform(get("/courses/" + course.id().value() + "/export")
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"packaged-lessons\"").doesNotContain("id=\"export-form\"");
	}

	@Test
	void scorm2004PackageImportsWithBothScos() throws Exception {
		JsonNode imported = importThroughApi(ScormPackages.scorm2004(), "forklift.zip");
		assertThat(imported.get("standard").asString()).isEqualTo("SCORM_2004_4");
		assertThat(imported.get("lessons")).hasSize(2);
		assertThat(imported.get("lessons").get(1).get("title").asString()).isEqualTo("Loading");
	}

	@Test
	void importIsInTheOpenApiDocument() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/packages'].post.summary", containsString("SCORM 1.2 or SCORM 2004")))
			.andExpect(jsonPath("$.paths['/api/v1/packages'].post.responses['422']").exists());
	}

	@Test
	void zipBombIsRefusedAndNothingIsKept() throws Exception {
		int[] before = counts();
		mvc.perform(multipart("/api/v1/packages").file(new MockMultipartFile("file", "bomb.zip", "application/zip",
				ZipBombs.docx(1L << 30))).header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("word/document.xml")))
			.andExpect(jsonPath("$.detail", containsString("100 times its packed size")));
		assertThat(counts()).containsExactly(before);
	}

	@Test
	void traversalEntryIsRefusedAndNothingIsKept() throws Exception {
		Map<String, String> files = ScormPackages.scorm12Files();
		files.put("../../etc/cron.d/evil", "* * * * * root sh");
		int[] before = counts();
		mvc.perform(multipart("/api/v1/packages").file(new MockMultipartFile("file", "evil.zip", "application/zip",
				ScormPackages.zip(files))).header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("../../etc/cron.d/evil")))
			.andExpect(jsonPath("$.detail", containsString("climbs out of the package")));
		assertThat(counts()).containsExactly(before);
	}

	@Test
	void manifestPointingAtAMissingFileIsRefusedOnThePageAtTheField() throws Exception {
		Map<String, String> files = ScormPackages.scorm12Files();
		files.remove("sco/index.html");
		int[] before = counts();
		mvc.perform(multipart("/packages/import").file(new MockMultipartFile("file", "broken.zip", "application/zip",
				ScormPackages.zip(files))).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"package-file-error\"")))
			.andExpect(content().string(containsString("launches sco/index.html, which is not in the package")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(counts()).containsExactly(before);
	}

	@Test
	void pageImportOpensTheDraftInTheEditor() throws Exception {
		MvcResult result = mvc.perform(multipart("/packages/import").file(new MockMultipartFile("file", "ladder.zip",
				"application/zip", ScormPackages.scorm12())).with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).matches("/courses/[0-9a-f-]{36}/edit");
		assertThat(result.getFlashMap().get("notice").toString()).contains("Ladder safety", "1 lesson");
	}

	@Test
	void contentIsServedSandboxedAndOnlyThroughTheLaunchToken() throws Exception {
		Course course = publishedLadder();
		String lessonId = course.lessons().getFirst().id();
		String page = lessonPage(course, lessonId);
		String contentUrl = match(CONTENT_URL, page);
		assertThat(contentUrl).matches("/packages/content/[A-Za-z0-9_-]{43}/sco/index.html\\?chapter=1");
		// the frame sends no cookies: the token alone opens the file, with the sandbox around it
		String html = mvc.perform(get(contentUrl))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox allow-scripts allow-forms allow-popups;")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("allow-same-origin"))))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn().getResponse().getContentAsString();
		String token = contentUrl.split("/")[3];
		assertThat(html).contains("<head><script src=\"/packages/runtime/" + token + ".js\"></script>", "<h1>Before you climb</h1>");
		mvc.perform(get("/packages/content/" + token + "/sco/sco.js"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/javascript")));
		String runtime = mvc.perform(get("/packages/runtime/" + token + ".js")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(runtime).contains("CrossFrameAPI", "window.API = api", "\"cmi.core.entry\":\"ab-initio\"",
				"\"cmi.student_data.mastery_score\":\"70\"");
		// no token, a made-up token, or a session instead of a token: nothing
		String madeUp = "A".repeat(43);
		mvc.perform(get("/packages/content/" + madeUp + "/sco/index.html")).andExpect(status().isNotFound());
		mvc.perform(get("/packages/content/" + madeUp + "/sco/index.html")
			.with(SignedIn.as(fixtures.viewerPerson(org.learnerA())))).andExpect(status().isNotFound());
		mvc.perform(get("/packages/content/" + token + "/sco/missing.html")).andExpect(status().isNotFound());
		mvc.perform(post("/packages/content/" + token + "/sco/index.html")).andExpect(status().isForbidden());
	}

	@Test
	void someoneWhoMayNotTakeTheCourseGetsNoPlayer() throws Exception {
		JsonNode imported = importThroughApi(ScormPackages.scorm12(), "ladder.zip");
		String courseId = imported.get("courseId").asString();
		String lessonId = imported.get("lessons").get(0).get("lessonId").asString();
		// a draft: learners cannot open it, so no launch token is ever made for them
		mvc.perform(get("/learning/courses/" + courseId + "/lessons/" + lessonId)
			.with(SignedIn.as(fixtures.viewerPerson(org.learnerA())))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM package_launches WHERE person_id = ?").param(org.learnerA().value())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void openingThePackagedLessonDoesNotCompleteItTheScoDoesAndCommitsNeverLoseIt() throws Exception {
		Course course = publishedLadder();
		String lessonId = course.lessons().getFirst().id();
		Viewer learner = fixtures.viewer(org.learnerA());
		String page = lessonPage(course, lessonId);
		String commitUrl = match(COMMIT_URL, page);
		assertThat(delivery.progressIn(learner, course.id()).readCount()).as("opened, not done").isZero();
		assertThat(page).as("the lesson being played is not one the learner skipped")
			.doesNotContain("id=\"first-unread\"")
			.doesNotContain("you skipped");

		commit(commitUrl, 1, false, Map.of("cmi.core.lesson_status", "incomplete", "cmi.suspend_data", "page=2",
				"cmi.core.lesson_location", "page-2", "cmi.core.exit", "suspend"))
			.andExpect(jsonPath("$.done").value(false));
		commit(commitUrl, 3, true, Map.of("cmi.core.lesson_status", "passed", "cmi.core.score.raw", "85",
				"cmi.core.score.max", "100", "cmi.core.score.min", "0", "cmi.suspend_data", "page=9",
				"cmi.core.lesson_location", "page-9", "cmi.core.session_time", "0000:02:30.00"))
			.andExpect(jsonPath("$.done").value(true));
		// a late, older commit and a worse later one: completion, success and the best score stay
		commit(commitUrl, 2, false, Map.of("cmi.core.lesson_status", "incomplete", "cmi.suspend_data", "page=5"))
			.andExpect(jsonPath("$.done").value(true));
		commit(commitUrl, 4, false, Map.of("cmi.core.lesson_status", "failed", "cmi.core.score.raw", "40"))
			.andExpect(jsonPath("$.done").value(true))
			.andExpect(jsonPath("$.success").value("passed"));
		commit(commitUrl, 4, false, Map.of("cmi.core.lesson_status", "failed", "cmi.core.score.raw", "40"))
			.andExpect(status().isOk());

		var attempt = jdbc.sql("SELECT * FROM package_attempts WHERE person_id = ?").param(org.learnerA().value())
			.query().singleRow();
		assertThat(attempt.get("completion")).isEqualTo("completed");
		assertThat(((Number) attempt.get("score_raw")).doubleValue()).isEqualTo(85.0);
		// suspend data from the newest commit that had any (sequence 4 sent none, so it is empty now)
		assertThat(attempt.get("last_sequence")).isEqualTo(4L);
		assertThat(((Number) attempt.get("total_seconds")).doubleValue()).isEqualTo(150.0);

		var progress = delivery.progressIn(learner, course.id());
		assertThat(progress.readCount()).isEqualTo(1);
		assertThat(progress.status()).isEqualTo(ProgressStatus.COMPLETED);
		var statements = jdbc.sql("SELECT verb, result_score, result_success FROM statements WHERE actor_id = ? "
				+ "AND object_id LIKE ? ORDER BY stored_at").params(org.learnerA().value(), "%" + lessonId)
			.query().listOfRows();
		assertThat(statements).filteredOn(row -> String.valueOf(row.get("verb")).endsWith("passed")).singleElement()
			.satisfies(row -> {
				assertThat(((Number) row.get("result_score")).doubleValue()).isEqualTo(0.85);
				assertThat(row.get("result_success")).isEqualTo(true);
			});
	}

	@Test
	void twoTabsOpeningTheLessonAtOncePlayOneAttempt() throws Exception {
		Course course = publishedLadder();
		String lessonId = course.lessons().getFirst().id();
		var threads = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			var pages = new java.util.ArrayList<java.util.concurrent.Future<String>>();
			for (int i = 0; i < 4; i++) {
				pages.add(threads.submit(() -> {
					start.await();
					return lessonPage(course, lessonId);
				}));
			}
			start.countDown();
			java.util.Set<String> commitUrls = new java.util.HashSet<>();
			for (var page : pages) {
				commitUrls.add(match(COMMIT_URL, page.get(30, java.util.concurrent.TimeUnit.SECONDS)));
			}
			assertThat(commitUrls).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM package_attempts WHERE person_id = ?").param(org.learnerA().value())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void badRunTimeDataIsRefusedNamingTheElementAndNothingIsSaved() throws Exception {
		Course course = publishedLadder();
		String commitUrl = match(COMMIT_URL, lessonPage(course, course.lessons().getFirst().id()));
		commit(commitUrl, 1, false, Map.of("cmi.core.lesson_status", "incomplete", "cmi.suspend_data", "page=2"));
		commit(commitUrl, 2, false, Map.of("cmi.core.lesson_status", "brilliant", "cmi.suspend_data", "page=7"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['cmi.core.lesson_status']", containsString("\"brilliant\" is no SCORM 1.2 lesson status")));
		commit(commitUrl, 3, false, Map.of("cmi.suspend_data", "x".repeat(4097)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['cmi.suspend_data']", containsString("At most 4096 characters")));
		var attempt = jdbc.sql("SELECT suspend_data, last_sequence FROM package_attempts WHERE person_id = ?")
			.param(org.learnerA().value()).query().singleRow();
		assertThat(attempt.get("suspend_data")).isEqualTo("page=2");
		assertThat(attempt.get("last_sequence")).isEqualTo(1L);
	}

	@Test
	void anotherLearnersAttemptIsNotTheirs() throws Exception {
		Course course = publishedLadder();
		String commitUrl = match(COMMIT_URL, lessonPage(course, course.lessons().getFirst().id()));
		mvc.perform(post(commitUrl).with(SignedIn.as(fixtures.viewerPerson(org.learnerB()))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sequence\":1,\"cmi\":{\"cmi.core.lesson_status\":\"passed\"}}"))
			.andExpect(status().isNotFound());
		// and without the CSRF token the learner's own commit is refused
		mvc.perform(post(commitUrl).with(SignedIn.as(fixtures.viewerPerson(org.learnerA())))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sequence\":1,\"cmi\":{\"cmi.core.lesson_status\":\"passed\"}}"))
			.andExpect(status().isForbidden());
	}

	private Course publishedLadder() throws Exception {
		JsonNode imported = importThroughApi(ScormPackages.scorm12(), "ladder.zip");
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.editable(author, new CourseId(imported.get("courseId").asString()));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private String lessonPage(Course course, String lessonId) throws Exception {
		return mvc.perform(get("/learning/courses/" + course.id().value() + "/lessons/" + lessonId)
			.with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private org.springframework.test.web.servlet.ResultActions commit(String url, long sequence, boolean terminate,
			Map<String, String> cmi) throws Exception {
		return mvc.perform(post(url).with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("sequence", sequence, "terminate", terminate, "cmi", cmi))));
	}

	private JsonNode importThroughApi(byte[] zip, String name) throws Exception {
		String body = mvc.perform(multipart("/api/v1/packages").file(new MockMultipartFile("file", name,
				"application/zip", zip)).header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/courses/")))
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body);
	}

	private int[] counts() {
		return new int[] { count("packages"), count("package_files"), count("package_items"), count("courses") };
	}

	private int count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

	private static String match(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		assertThat(m.find()).as("the page holds " + pattern).isTrue();
		return m.group(1).replace("&amp;", "&");
	}
}
