package io.stride.packages;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.identity.Viewer;
import io.stride.support.Cmi5Packages;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ScormPackages;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * cmi5 from import to a satisfied course: course structures that break the specification refused naming the
 * requirement with nothing kept, the launch (LMS.LaunchData, launched, a fetch URL that answers once), the AU's token
 * over real HTTP limited to its learner, AU and registration and kept to the session's rules, moveOn completing the
 * lesson and the course, abandon and waive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class Cmi5Tests {

	private static final Pattern FRAME = Pattern.compile("id=\"cmi5-frame\"[^>]*src=\"([^\"]+)\"|src=\"([^\"]+)\"[^>]*id=\"cmi5-frame\"");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized";

	private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

	private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

	private static final String TERMINATED = "http://adlnet.gov/expapi/verbs/terminated";

	@LocalServerPort
	int port;

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
	void aCmi5ZipImportsAsADraftWithOneLessonPerAu() throws Exception {
		JsonNode imported = importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip");
		assertThat(imported.get("standard").asString()).isEqualTo("CMI5");
		assertThat(imported.get("title").asString()).isEqualTo("Ladder safety (cmi5)");
		assertThat(imported.get("files").asInt()).isEqualTo(3);
		assertThat(imported.get("lessons")).singleElement()
			.satisfies(lesson -> assertThat(lesson.get("title").asString()).isEqualTo("Before you climb"));
		assertThat(jdbc.sql("SELECT au_iri FROM cmi5_aus").query(String.class).list()).contains(Cmi5Packages.AU_ID);
	}

	@Test
	void courseStructuresThatBreakCmi5AreRefusedNamingTheRequirementAndNothingIsKept() throws Exception {
		Map<String, String> missing = Cmi5Packages.files();
		missing.remove("au/index.html");
		refused(ScormPackages.zip(missing), "missing.zip",
				"cmi5 §13.1.4: the AU's url \u201cau/index.html?chapter=1\u201d names no file in the package");
		refused(xml("https://content.example/au", "launchMethod=\"Popup\""), "cmi5.xml", "cmi5 §13.2");
		refused(xml("https://content.example/au", "moveOn=\"Passed\" masteryScore=\"1.5\""), "cmi5.xml",
				"cmi5 §13.2: cmi5.xml does not follow the course structure schema");
		refused(xml("https://content.example/au?fetch=x", ""), "cmi5.xml",
				"whose query names \u201cfetch\u201d, a parameter the LMS adds at launch");
		refused(xml("au/index.html", ""), "cmi5.xml", "is relative, but a cmi5.xml on its own has no files");
		String duplicate = Cmi5Packages.courseStructure("https://content.example/au", "")
			.replace("block id=\"https://courses.example/cmi5/ladder/block/1\"", "block id=\"" + Cmi5Packages.AU_ID + "\"");
		refused(duplicate.getBytes(StandardCharsets.UTF_8), "cmi5.xml", "is used twice; ids must be unique");
		String relativeId = Cmi5Packages.courseStructure("https://content.example/au", "")
			.replace(Cmi5Packages.COURSE_ID, "ladder");
		refused(relativeId.getBytes(StandardCharsets.UTF_8), "cmi5.xml",
				"cmi5 §13.1.1: the course's id \u201cladder\u201d is not an absolute IRI");
		String entity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ Cmi5Packages.courseStructure("https://content.example/au", "").substring(38);
		refused(entity.getBytes(StandardCharsets.UTF_8), "cmi5.xml", "declares a DOCTYPE");
	}

	@Test
	void aBareCourseStructureBringsRemoteAusThatOpenInTheirOwnWindow() throws Exception {
		JsonNode imported = importThroughApi(xml("https://content.example/ladder/index.html", ""), "cmi5.xml");
		assertThat(imported.get("files").asInt()).isZero();
		Course course = publish(imported);
		String page = lessonPage(course);
		assertThat(page).contains("id=\"cmi5-open\"", "href=\"https://content.example/ladder/index.html?endpoint=",
				"target=\"_blank\"").doesNotContain("id=\"cmi5-frame\"");
	}

	@Test
	void theLaunchWritesLaunchDataRecordsLaunchedAndItsFetchUrlAnswersOnce() throws Exception {
		Course course = publish(importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip"));
		Map<String, String> launch = launch(course);
		assertThat(launch.get("path")).matches("/packages/content/[A-Za-z0-9_-]{43}/au/index.html");
		assertThat(launch.get("chapter")).isEqualTo("1");
		assertThat(launch.get("activityId")).isEqualTo(Cmi5Packages.AU_ID);
		assertThat(json.readTree(launch.get("actor")).get("account").get("name").asString())
			.isEqualTo(org.learnerA().value());
		HttpResponse<String> first = fetch(launch);
		String token = json.readTree(first.body()).get("auth-token").asString();
		assertThat(token).isNotBlank();
		HttpResponse<String> second = fetch(launch);
		assertThat(json.readTree(second.body()).get("error-code").asString()).isEqualTo("1");
		assertThat(second.body()).doesNotContain(token);

		JsonNode data = json.readTree(xapi(token, "GET", stateUrl(launch, launch.get("registration")), null).body());
		assertThat(data.get("launchMode").asString()).isEqualTo("Normal");
		assertThat(data.get("moveOn").asString()).isEqualTo("CompletedAndPassed");
		assertThat(data.get("masteryScore").asDouble()).isEqualTo(0.8);
		assertThat(data.get("launchParameters").asString()).isEqualTo("mode=full");
		assertThat(data.get("returnURL").asString()).endsWith("/lessons/" + course.lessons().getFirst().id());
		String sessionId = data.get("contextTemplate").get("extensions")
			.get("https://w3id.org/xapi/cmi5/context/extensions/sessionid").asString();
		assertThat(sessionId).matches("[0-9a-f-]{36}");
		JsonNode launched = json.readTree(jdbc.sql("SELECT statement FROM statements WHERE verb = ? AND registration = ?")
			.params("http://adlnet.gov/expapi/verbs/launched", launch.get("registration")).query(String.class).single());
		assertThat(launched.get("context").get("extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
			.asString()).isEqualTo(sessionId);
		assertThat(launched.get("authority").get("name").asString()).isEqualTo("Stride");
		// the same registration at the next launch
		assertThat(launch(course).get("registration")).isEqualTo(launch.get("registration"));
	}

	@Test
	void theTokenSpeaksOnlyForItsLearnerAndSessionAndOpensNothingElse() throws Exception {
		Course course = publish(importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip"));
		Map<String, String> launch = launch(course);
		String token = token(launch);
		String sessionId = sessionId(token, launch);
		send(token, launch, sessionId, INITIALIZED, null, 200);
		String other = launch.get("actor").replace(org.learnerA().value(), org.learnerB().value());
		Map<String, String> someoneElse = new HashMap<>(launch);
		someoneElse.put("actor", other);
		assertThat(xapi(token, "POST", "/xapi/statements", statement(someoneElse, sessionId, COMPLETED,
				"{\"completion\":true}")).statusCode()).isEqualTo(403);
		assertThat(xapi(token, "GET", stateUrl(someoneElse, launch.get("registration")), null).statusCode()).isEqualTo(403);
		assertThat(xapi(token, "GET", stateUrl(launch, "6a0f5a4e-3f0b-4c55-9a3c-4f1e2b1c0d9e"), null).statusCode())
			.isEqualTo(403);
		// Stride's own API and pages know nothing of it
		HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/courses")).header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
		// and the AU reads its own statements, none of others'
		JsonNode mine = json.readTree(xapi(token, "GET", "/xapi/statements", null).body());
		assertThat(mine.get("statements")).singleElement()
			.satisfies(s -> assertThat(s.get("verb").get("id").asString()).isEqualTo(INITIALIZED));
	}

	@Test
	void statementsThatBreakTheSessionsRulesAreRefusedAndNothingOfTheBatchIsStored() throws Exception {
		Course course = publish(importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip"));
		Map<String, String> launch = launch(course);
		String token = token(launch);
		String sessionId = sessionId(token, launch);
		rule(send(token, launch, sessionId, COMPLETED, "{\"completion\":true}", 403), "§9.3.2");
		rule(xapi(token, "POST", "/xapi/statements", statement(launch, "6a0f5a4e-3f0b-4c55-9a3c-4f1e2b1c0d9e",
				INITIALIZED, null)), "§9.6.3.1");
		send(token, launch, sessionId, INITIALIZED, null, 200);
		rule(send(token, launch, sessionId, INITIALIZED, null, 403), "§9.3.2");
		rule(send(token, launch, sessionId, PASSED, "{\"success\":true}", 403), "masteryScore of 0.8");
		rule(send(token, launch, sessionId, PASSED, "{\"success\":true,\"score\":{\"scaled\":0.5}}", 403),
				"below the masteryScore");
		rule(send(token, launch, sessionId, "https://w3id.org/xapi/adl/verbs/satisfied", null, 403), "only the LMS");
		// a batch with one bad statement keeps none
		String batch = "[" + statement(launch, sessionId, COMPLETED, "{\"completion\":true}") + ","
				+ statement(launch, sessionId, COMPLETED, "{\"completion\":true}") + "]";
		rule(xapi(token, "POST", "/xapi/statements", batch), "§9.3.3");
		assertThat(count(launch, COMPLETED)).isZero();
		send(token, launch, sessionId, TERMINATED, null, 200);
		rule(send(token, launch, sessionId, COMPLETED, "{\"completion\":true}", 403), "§9.3.8");
	}

	@Test
	void meetingMoveOnCompletesTheLessonAndTheCourseAndSatisfiesIt() throws Exception {
		Course course = publish(importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip"));
		Viewer learner = fixtures.viewer(org.learnerA());
		Map<String, String> launch = launch(course);
		String token = token(launch);
		String sessionId = sessionId(token, launch);
		send(token, launch, sessionId, INITIALIZED, null, 200);
		send(token, launch, sessionId, COMPLETED, "{\"completion\":true}", 200);
		assertThat(delivery.progressIn(learner, course.id()).readCount()).as("completed, not yet passed").isZero();
		send(token, launch, sessionId, PASSED, "{\"success\":true,\"score\":{\"scaled\":0.9}}", 200);
		assertThat(delivery.progressIn(learner, course.id()).status()).isEqualTo(ProgressStatus.COMPLETED);
		JsonNode satisfied = json.readTree(jdbc.sql("SELECT statement FROM statements WHERE verb = ? AND registration = ?")
			.params("https://w3id.org/xapi/adl/verbs/satisfied", launch.get("registration")).query(String.class).single());
		assertThat(satisfied.get("object").get("id").asString()).isEqualTo(Cmi5Packages.COURSE_ID);
		send(token, launch, sessionId, TERMINATED, null, 200);
		assertThat(lessonPage(course)).contains("You have finished this lesson");
	}

	@Test
	void aNewLaunchAbandonsTheOpenSessionAndEndsItsToken() throws Exception {
		Course course = publish(importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip"));
		Map<String, String> first = launch(course);
		String token = token(first);
		String sessionId = sessionId(token, first);
		send(token, first, sessionId, INITIALIZED, null, 200);
		launch(course);
		JsonNode abandoned = json.readTree(jdbc.sql("SELECT statement FROM statements WHERE verb = ? AND registration = ?")
			.params("https://w3id.org/xapi/adl/verbs/abandoned", first.get("registration")).query(String.class).single());
		assertThat(abandoned.get("context").get("extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
			.asString()).isEqualTo(sessionId);
		assertThat(abandoned.get("result").get("duration").asString()).startsWith("PT");
		assertThat(send(token, first, sessionId, TERMINATED, null, 401).statusCode()).isEqualTo(401);
	}

	@Test
	void aManagerWaivesAnAuWithAReasonAndTheLessonCountsDone() throws Exception {
		Course course = publish(importThroughApi(Cmi5Packages.zip(), "ladder-cmi5.zip"));
		String lessonId = course.lessons().getFirst().id();
		String body = "{\"personId\":\"" + org.learnerA().value() + "\",\"courseId\":\"" + course.id().value()
				+ "\",\"lessonId\":\"" + lessonId + "\",\"reason\":\"%s\"}";
		mvc.perform(post("/api/v1/packages/cmi5/waivers").header("Authorization", "Bearer " + fixtures.token(org.learnerB()))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("I say so")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/packages/cmi5/waivers").header("Authorization", "Bearer " + fixtures.token(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(" ")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Say why")));
		assertThat(delivery.progressIn(fixtures.viewer(org.learnerA()), course.id()).readCount()).isZero();
		mvc.perform(post("/api/v1/packages/cmi5/waivers").header("Authorization", "Bearer " + fixtures.token(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("Passed the same training at the depot")))
			.andExpect(status().isCreated());
		assertThat(delivery.progressIn(fixtures.viewer(org.learnerA()), course.id()).status())
			.isEqualTo(ProgressStatus.COMPLETED);
		JsonNode waived = json.readTree(jdbc.sql("SELECT statement FROM statements WHERE verb = ? AND actor_id = ?")
			.params("https://w3id.org/xapi/adl/verbs/waived", org.learnerA().value()).query(String.class).single());
		assertThat(waived.get("result").get("response").asString()).isEqualTo("Passed the same training at the depot");
		assertThat(waived.get("object").get("id").asString()).isEqualTo(Cmi5Packages.AU_ID);
	}

	@Test
	void theLrsAnswersCrossOriginRequestsFromTheSandboxWithoutCookies() throws Exception {
		HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/xapi/statements")).header("Origin", "null").header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,x-experience-api-version")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("authorization", "x-experience-api-version", "content-type");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		HttpResponse<String> about = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/xapi/about")).header("Origin", "null").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(about.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(about.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
			.contains("X-Experience-API-Version", "ETag");
	}

	// --- helpers

	private byte[] xml(String url, String attributes) {
		return Cmi5Packages.bare(Cmi5Packages.courseStructure(url, attributes));
	}

	private void refused(byte[] content, String name, String message) throws Exception {
		int before = jdbc.sql("SELECT COUNT(*) FROM courses").query(Integer.class).single();
		int packages = jdbc.sql("SELECT COUNT(*) FROM packages").query(Integer.class).single();
		mvc.perform(multipart("/api/v1/packages").file(new MockMultipartFile("file", name, "application/octet-stream",
				content)).header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString(message)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM courses").query(Integer.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM packages").query(Integer.class).single()).isEqualTo(packages);
	}

	private JsonNode importThroughApi(byte[] content, String name) throws Exception {
		return json.readTree(mvc.perform(multipart("/api/v1/packages").file(new MockMultipartFile("file", name,
				"application/octet-stream", content)).header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString());
	}

	private Course publish(JsonNode imported) {
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.editable(author, new CourseId(imported.get("courseId").asString()));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private String lessonPage(Course course) throws Exception {
		return mvc.perform(get("/learning/courses/" + course.id().value() + "/lessons/" + course.lessons().getFirst().id())
			.with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/** Opens the lesson and reads the AU's launch URL: its path and query parameters. */
	private Map<String, String> launch(Course course) throws Exception {
		Matcher m = FRAME.matcher(lessonPage(course));
		assertThat(m.find()).as("the lesson page frames the AU").isTrue();
		String url = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
		Map<String, String> parts = new HashMap<>();
		parts.put("path", url.substring(0, url.indexOf('?')));
		for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
			int eq = pair.indexOf('=');
			parts.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return parts;
	}

	private HttpResponse<String> fetch(Map<String, String> launch) throws Exception {
		String path = URI.create(launch.get("fetch")).getPath();
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Origin", "null")
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
	}

	private String token(Map<String, String> launch) throws Exception {
		return json.readTree(fetch(launch).body()).get("auth-token").asString();
	}

	private String sessionId(String token, Map<String, String> launch) throws Exception {
		return json.readTree(xapi(token, "GET", stateUrl(launch, launch.get("registration")), null).body())
			.get("contextTemplate").get("extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
			.asString();
	}

	private static String stateUrl(Map<String, String> launch, String registration) {
		return "/xapi/activities/state?stateId=LMS.LaunchData&activityId=" + enc(launch.get("activityId")) + "&agent="
				+ enc(launch.get("actor")) + "&registration=" + registration;
	}

	private String statement(Map<String, String> launch, String sessionId, String verb, String result) {
		return "{\"actor\":" + launch.get("actor") + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"id\":\""
				+ launch.get("activityId") + "\"},\"context\":{\"registration\":\"" + launch.get("registration")
				+ "\",\"contextActivities\":{\"category\":[{\"id\":\"https://w3id.org/xapi/cmi5/context/categories/cmi5\"}]},"
				+ "\"extensions\":{\"https://w3id.org/xapi/cmi5/context/extensions/sessionid\":\"" + sessionId + "\"}}"
				+ (result == null ? "" : ",\"result\":" + result) + "}";
	}

	private HttpResponse<String> send(String token, Map<String, String> launch, String sessionId, String verb,
			String result, int expected) throws Exception {
		HttpResponse<String> answer = xapi(token, "POST", "/xapi/statements", statement(launch, sessionId, verb, result));
		assertThat(answer.statusCode()).as(verb + ": " + answer.body()).isEqualTo(expected);
		return answer;
	}

	private static void rule(HttpResponse<String> answer, String named) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
		assertThat(answer.body()).contains(named);
	}

	private int count(Map<String, String> launch, String verb) {
		return jdbc.sql("SELECT COUNT(*) FROM statements WHERE verb = ? AND registration = ?")
			.params(verb, launch.get("registration")).query(Integer.class).single();
	}

	private HttpResponse<String> xapi(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Basic " + token)
			.header("X-Experience-API-Version", "1.0.3");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
