package io.stride.xapi;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The Statements resource over real HTTP: store, conflict, read back, void, page, attachments, Stride's own record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatementsTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LearningRecord record;

	@Autowired
	TransactionTemplate transaction;

	@Value("${stride.base-url}")
	String baseUrl;

	Lrs lrs;

	@BeforeEach
	void client() throws Exception {
		lrs = Lrs.client(port, fixtures.token(fixtures.admin().id()), "Simulator", "statements/write", "statements/read");
	}

	static String statement(String id, String mbox, String verb, String activity) {
		return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"actor\":{\"mbox\":\"mailto:" + mbox
				+ "\",\"name\":\"Pat\"},\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"en-US\":\"did\"}},"
				+ "\"object\":{\"id\":\"" + activity + "\"}}";
	}

	static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aStatementPutIsReadBackWithWhatTheLrsSetsAndCannotBeChanged() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = statement(id, "pat-" + unique() + "@example.com", "http://adlnet.gov/expapi/verbs/experienced",
				"http://sim.example/flights/" + unique());
		assertThat(lrs.put("/xapi/statements?statementId=" + id, body).statusCode()).isEqualTo(204);
		// the same again is fine; a different one with the same id is a conflict, and nothing changes
		assertThat(lrs.put("/xapi/statements?statementId=" + id, body).statusCode()).isEqualTo(204);
		HttpResponse<String> changed = lrs.put("/xapi/statements?statementId=" + id,
				body.replace("experienced", "completed"));
		assertThat(changed.statusCode()).isEqualTo(409);

		HttpResponse<String> read = lrs.get("/xapi/statements?statementId=" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("Last-Modified")).isPresent();
		JsonNode s = Lrs.json(read);
		assertThat(s.get("verb").get("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/experienced");
		assertThat(s.get("stored").asString()).isNotBlank();
		assertThat(s.get("authority").get("name").asString()).isEqualTo("Simulator");
		assertThat(s.get("version").asString()).startsWith("1.0");
	}

	@Test
	void theSameStatementPutConcurrentlyIsStoredOnceAndAChangedOneConflicts() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = statement(id, "c-" + unique() + "@example.com", "http://adlnet.gov/expapi/verbs/attempted",
				"http://sim.example/race");
		List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
			for (int i = 0; i < 6; i++) {
				String sent = i == 5 ? body.replace("attempted", "passed") : body;
				answers.add(pool.submit(() -> lrs.put("/xapi/statements?statementId=" + id, sent).statusCode()));
			}
		}
		List<Integer> statuses = new ArrayList<>();
		for (var answer : answers) {
			statuses.add(answer.get());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		String verb = Lrs.json(lrs.get("/xapi/statements?statementId=" + id)).get("verb").get("id").asString();
		// whichever came first is kept; every other one agrees with it or is told of the conflict
		long agreeing = statuses.stream().filter(s -> s == 204).count();
		long conflicting = statuses.stream().filter(s -> s == 409).count();
		assertThat(agreeing + conflicting).isEqualTo(6);
		assertThat(conflicting).isEqualTo(verb.endsWith("passed") ? 5 : 1);
	}

	@Test
	void aBatchWithOneBadStatementStoresNothingAndSaysWhy() throws Exception {
		String activity = "http://sim.example/batch/" + unique();
		String good = statement(null, "a-" + unique() + "@example.com", "http://adlnet.gov/expapi/verbs/attempted", activity);
		String bad = "{\"actor\":{\"mbox\":\"not-an-email\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attempted\"},"
				+ "\"object\":{\"id\":\"" + activity + "\"}}";
		HttpResponse<String> refused = lrs.post("/xapi/statements", "[" + good + "," + bad + "]");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("actor.mbox");
		assertThat(Lrs.json(lrs.get("/xapi/statements?activity=" + q(activity))).get("statements").size()).isZero();

		HttpResponse<String> badScore = lrs.post("/xapi/statements", good.replaceFirst("}$",
				",\"result\":{\"score\":{\"scaled\":1.5}}}"));
		assertThat(badScore.statusCode()).isEqualTo(400);
		assertThat(badScore.body()).contains("scaled");
	}

	@Test
	void aReadOnlyClientCannotPostAndAWriteOnlyClientCannotRead() throws Exception {
		Lrs reader = Lrs.client(port, fixtures.token(fixtures.admin().id()), "Dashboard", "statements/read");
		Lrs writer = Lrs.client(port, fixtures.token(fixtures.admin().id()), "Player", "statements/write");
		String body = statement(null, "r-" + unique() + "@example.com", "http://adlnet.gov/expapi/verbs/attempted",
				"http://sim.example/ro");
		assertThat(reader.post("/xapi/statements", body).statusCode()).isEqualTo(403);
		assertThat(writer.post("/xapi/statements", body).statusCode()).isEqualTo(200);
		assertThat(writer.get("/xapi/statements").statusCode()).isEqualTo(403);
	}

	@Test
	void aClientWithReadMineSeesOnlyWhatItWrote() throws Exception {
		Lrs mine = Lrs.client(port, fixtures.token(fixtures.admin().id()), "VR", "statements/write", "statements/read/mine");
		String verb = "http://sim.example/verbs/" + unique();
		String own = Lrs.json(mine.post("/xapi/statements", statement(null, "m-" + unique() + "@example.com", verb,
				"http://sim.example/a"))).get(0).asString();
		String other = Lrs.json(lrs.post("/xapi/statements", statement(null, "o-" + unique() + "@example.com", verb,
				"http://sim.example/a"))).get(0).asString();
		JsonNode seen = Lrs.json(mine.get("/xapi/statements?verb=" + q(verb))).get("statements");
		assertThat(ids(seen)).containsExactly(own);
		assertThat(mine.get("/xapi/statements?statementId=" + other).statusCode()).isEqualTo(404);
	}

	@Test
	void aVoidedStatementIsHiddenExceptByVoidedStatementIdAndAVoidingOneCannotBeVoided() throws Exception {
		String activity = "http://sim.example/void/" + unique();
		String target = Lrs.json(lrs.post("/xapi/statements", statement(null, "v-" + unique() + "@example.com",
				"http://adlnet.gov/expapi/verbs/passed", activity))).get(0).asString();
		String voiding = "{\"actor\":{\"mbox\":\"mailto:admin@sim.example\"},\"verb\":{\"id\":"
				+ "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
		String voidingId = Lrs.json(lrs.post("/xapi/statements", voiding)).get(0).asString();

		assertThat(lrs.get("/xapi/statements?statementId=" + target).statusCode()).isEqualTo(404);
		assertThat(lrs.get("/xapi/statements?voidedStatementId=" + target).statusCode()).isEqualTo(200);
		// the activity's statements are now only the voiding one, which refers to the statement it voided
		assertThat(ids(Lrs.json(lrs.get("/xapi/statements?activity=" + q(activity))).get("statements")))
			.containsExactly(voidingId);

		HttpResponse<String> voidTheVoid = lrs.post("/xapi/statements", voiding.replace(target, voidingId));
		assertThat(voidTheVoid.statusCode()).isEqualTo(400);
		assertThat(voidTheVoid.body()).contains("can't be voided");
		assertThat(lrs.get("/xapi/statements?statementId=" + voidingId).statusCode()).isEqualTo(200);
	}

	@Test
	void aStatementWhoseVoidingStatementCameFirstIsVoidedWhenItArrives() throws Exception {
		String target = UUID.randomUUID().toString();
		String voiding = "{\"actor\":{\"mbox\":\"mailto:admin@sim.example\"},\"verb\":{\"id\":"
				+ "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
		assertThat(lrs.post("/xapi/statements", voiding).statusCode()).isEqualTo(200);

		String activity = "http://sim.example/late/" + unique();
		assertThat(lrs.post("/xapi/statements", statement(target, "late-" + unique() + "@example.com",
				"http://adlnet.gov/expapi/verbs/passed", activity)).statusCode()).isEqualTo(200);

		assertThat(lrs.get("/xapi/statements?statementId=" + target).statusCode()).isEqualTo(404);
		assertThat(lrs.get("/xapi/statements?voidedStatementId=" + target).statusCode()).isEqualTo(200);
	}

	@Test
	void anAgentAndARelatedActivityTogetherFindOnlyThatAgentsStatementsInIt() throws Exception {
		String course = "http://sim.example/courses/" + unique();
		String pat = "pat-" + unique() + "@example.com";
		String sam = "sam-" + unique() + "@example.com";
		String inCourse = Lrs.json(lrs.post("/xapi/statements", inParent(pat, course))).get(0).asString();
		lrs.post("/xapi/statements", inParent(sam, course));
		lrs.post("/xapi/statements", statement(null, pat, "http://adlnet.gov/expapi/verbs/passed",
				"http://sim.example/elsewhere/" + unique()));
		String patAgent = q("{\"mbox\":\"mailto:" + pat + "\"}");

		assertThat(ids(Lrs.json(lrs.get("/xapi/statements?agent=" + patAgent + "&activity=" + q(course)
				+ "&related_activities=true")).get("statements"))).containsExactly(inCourse);
		assertThat(Lrs.json(lrs.get("/xapi/statements?agent=" + patAgent + "&activity=" + q(course)))
			.get("statements")).isEmpty();
	}

	private static String inParent(String mbox, String parent) {
		return "{\"actor\":{\"mbox\":\"mailto:" + mbox + "\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/"
				+ "experienced\"},\"object\":{\"id\":\"" + parent + "/lesson-1\"},\"context\":{\"contextActivities\":"
				+ "{\"parent\":[{\"id\":\"" + parent + "\"}]}}}";
	}

	@Test
	void pagesFollowTheMoreLinkWithoutRepeatsOrGapsWhileNewStatementsArrive() throws Exception {
		String verb = "http://sim.example/verbs/paged-" + unique();
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			sent.add(Lrs.json(lrs.post("/xapi/statements", statement(null, "p" + i + "-" + unique() + "@example.com",
					verb, "http://sim.example/p"))).get(0).asString());
		}
		JsonNode first = Lrs.json(lrs.get("/xapi/statements?limit=2&ascending=true&verb=" + q(verb)));
		List<String> read = new ArrayList<>(ids(first.get("statements")));
		String more = first.get("more").asString();
		// one arriving between pages comes at the end in ascending order, never twice
		sent.add(Lrs.json(lrs.post("/xapi/statements", statement(null, "late-" + unique() + "@example.com", verb,
				"http://sim.example/p"))).get(0).asString());
		while (!more.isEmpty()) {
			assertThat(more).startsWith("/xapi/statements?more=");
			JsonNode page = Lrs.json(lrs.get(more));
			read.addAll(ids(page.get("statements")));
			more = page.get("more").asString();
		}
		assertThat(read).containsExactlyElementsOf(sent);
		HttpResponse<String> list = lrs.get("/xapi/statements?verb=" + q(verb));
		assertThat(list.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
		assertThat(lrs.get("/xapi/statements?verb=" + q(verb) + "&colour=blue").statusCode()).isEqualTo(400);
	}

	@Test
	void aMoreLinkWhoseLimitWasChangedIsBoundedLikeAQuery() throws Exception {
		String verb = "http://sim.example/verbs/forged-" + unique();
		for (int i = 0; i < 4; i++) {
			lrs.post("/xapi/statements", statement(null, "f" + i + "-" + unique() + "@example.com", verb, "http://sim.example/f"));
		}
		String more = Lrs.json(lrs.get("/xapi/statements?limit=1&verb=" + q(verb))).get("more").asString();
		String token = more.substring(more.indexOf("more=") + 5);
		JsonNode continuation = Lrs.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token));
		for (long limit : new long[] { Integer.MAX_VALUE, -1 }) {
			((tools.jackson.databind.node.ObjectNode) continuation).put("limit", limit);
			String forged = java.util.Base64.getUrlEncoder().withoutPadding()
				.encodeToString(Lrs.JSON.writeValueAsBytes(continuation));
			HttpResponse<String> page = lrs.get("/xapi/statements?more=" + forged);
			assertThat(page.statusCode()).as("limit " + limit + ": " + page.body()).isEqualTo(200);
			// the three left after the first page, or one when the limit said less than one
			assertThat(Lrs.json(page).get("statements")).hasSize(limit > 0 ? 3 : 1);
		}
	}

	@Test
	void anAttachmentIsStoredOnceByItsHashAndReturnedWhenAsked() throws Exception {
		byte[] content = ("certificate " + unique()).getBytes(StandardCharsets.UTF_8);
		String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		String id = UUID.randomUUID().toString();
		String json = statement(id, "att-" + unique() + "@example.com", "http://adlnet.gov/expapi/verbs/completed",
				"http://sim.example/cert").replaceFirst("}$", ",\"attachments\":[{\"usageType\":"
						+ "\"http://sim.example/attachments/certificate\",\"display\":{\"en-US\":\"Certificate\"},"
						+ "\"contentType\":\"text/plain\",\"length\":" + content.length + ",\"sha2\":\"" + sha2 + "\"}]}");
		String boundary = "b" + unique();
		String body = "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
				+ "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + sha2
				+ "\r\n\r\n" + new String(content, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> stored = Lrs.send(lrs.request("/xapi/statements")
			.header("Content-Type", "multipart/mixed; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(stored.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM xapi_attachments WHERE sha2 = ?").param(sha2).query(Long.class).single())
			.isEqualTo(1);

		HttpResponse<String> withParts = lrs.get("/xapi/statements?attachments=true&statementId=" + id);
		assertThat(withParts.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/mixed");
		assertThat(withParts.body()).contains("X-Experience-API-Hash: " + sha2).contains(new String(content, StandardCharsets.UTF_8));

		// a part whose bytes do not have the hash it claims is refused
		HttpResponse<String> wrong = Lrs.send(lrs.request("/xapi/statements")
			.header("Content-Type", "multipart/mixed; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.replace(id, UUID.randomUUID().toString())
				.replace(new String(content, StandardCharsets.UTF_8), "tampered bytes!!!"))));
		assertThat(wrong.statusCode()).isEqualTo(400);
	}

	@Test
	void strideOwnStatementsAppearAndAnOutsideStatementAboutAPersonJoinsTheirRecord() throws Exception {
		Org org = fixtures.organization();
		transaction.executeWithoutResult(t -> record.record(new LearningAction(org.learnerA(), "Learner A",
				Verb.EXPERIENCED, ActivityType.LESSON, "lesson-" + unique(), "Spot it", null, null)));
		String agent = q("{\"account\":{\"homePage\":\"" + baseUrl + "\",\"name\":\"" + org.learnerA().value() + "\"}}");
		JsonNode own = Lrs.json(lrs.get("/xapi/statements?agent=" + agent)).get("statements");
		assertThat(own.size()).isEqualTo(1);
		assertThat(own.get(0).get("verb").get("id").asString()).isEqualTo(Verb.EXPERIENCED.iri());
		assertThat(own.get(0).get("authority").get("name").asString()).isEqualTo("Stride");

		String outside = Lrs.json(lrs.post("/xapi/statements", statement(null, org.email("learner-a"),
				"http://adlnet.gov/expapi/verbs/completed", "https://mooc.example/courses/negotiation"))).get(0).asString();
		assertThat(jdbc.sql("SELECT actor_id FROM statements WHERE id = ?").param(outside).query(String.class).single())
			.isEqualTo(org.learnerA().value());
		// joined to the person in the LRS, but not to Stride's own record, which tracks read (a tool's word is not Stride's)
		assertThat(record.statementsOf(org.learnerA())).extracting(s -> s.id()).doesNotContain(outside);
		assertThat(ids(Lrs.json(lrs.get("/xapi/statements?agent=" + agent)).get("statements"))).contains(outside);

		String stranger = Lrs.json(lrs.post("/xapi/statements", statement(null, "stranger-" + unique() + "@example.com",
				"http://adlnet.gov/expapi/verbs/completed", "https://mooc.example/courses/negotiation"))).get(0).asString();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements WHERE id = ? AND actor_id IS NULL").param(stranger)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theAlternateRequestSyntaxStoresAStatementFromAForm() throws Exception {
		String id = UUID.randomUUID().toString();
		String form = "Authorization=" + q(lrs.authorization) + "&X-Experience-API-Version=1.0.3"
				+ "&Content-Type=application%2Fjson&statementId=" + id + "&content="
				+ q(statement(null, "form-" + unique() + "@example.com", "http://adlnet.gov/expapi/verbs/attempted",
						"http://sim.example/form"));
		HttpResponse<String> stored = Lrs.send(HttpRequest.newBuilder(java.net.URI.create(lrs.base
				+ "/xapi/statements?method=PUT")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(stored.statusCode()).isEqualTo(204);
		assertThat(lrs.get("/xapi/statements?statementId=" + id).statusCode()).isEqualTo(200);
	}

	private static List<String> ids(JsonNode statements) {
		List<String> ids = new ArrayList<>();
		statements.values().forEach(s -> ids.add(s.get("id").asString()));
		return ids;
	}
}
