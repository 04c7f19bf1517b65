package io.stride.xapi;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The State, Activity Profile and Agent Profile resources over real HTTP with a client's key: documents kept as
 * sent, merged on POST, listed since a time, guarded by ETags, and refused with the status xAPI names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XapiDocumentsTests {

	private static final java.net.http.HttpClient BYTES = java.net.http.HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	private Lrs client(String... scopes) throws Exception {
		return Lrs.client(port, fixtures.token(fixtures.admin().id()), "Player " + UUID.randomUUID(), scopes);
	}

	private static String agent(String name) {
		return "{\"objectType\":\"Agent\",\"name\":\"" + name + "\",\"account\":{\"homePage\":\"https://lms.example\","
				+ "\"name\":\"" + name + "\"}}";
	}

	private static String state(String activity, String agent, String stateId, String registration) {
		return "/xapi/activities/state?activityId=" + enc(activity) + "&agent=" + enc(agent) + "&stateId=" + enc(stateId)
				+ (registration == null ? "" : "&registration=" + registration);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(Lrs lrs, String method, String path, String contentType, byte[] body,
			String... headers) throws Exception {
		HttpRequest.Builder request = lrs.request(path);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body));
		return Lrs.send(request);
	}

	private static HttpResponse<String> json(Lrs lrs, String method, String path, String json, String... headers)
			throws Exception {
		return send(lrs, method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
	}

	private static String sha1(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
	}

	@Test
	void aPlayersStateIsKeptMergedAndListedPerRegistration() throws Exception {
		Lrs lrs = client("state");
		String activity = "https://courses.example/scorm/" + UUID.randomUUID();
		String learner = agent("Leo " + UUID.randomUUID());
		String registration = UUID.randomUUID().toString();
		Instant before = Instant.now().minusSeconds(60);

		assertThat(json(lrs, "PUT", state(activity, learner, "bookmark", registration), "{\"page\":3,\"score\":10}")
			.statusCode()).isEqualTo(204);
		assertThat(json(lrs, "POST", state(activity, learner, "bookmark", registration), "{\"page\":4,\"time\":\"PT5M\"}")
			.statusCode()).isEqualTo(204);

		HttpResponse<String> read = lrs.get(state(activity, learner, "bookmark", registration));
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Lrs.json(read)).isEqualTo(Lrs.JSON.readTree("{\"page\":4,\"score\":10,\"time\":\"PT5M\"}"));
		assertThat(read.headers().firstValue("ETag"))
			.hasValue("\"" + sha1(read.body().getBytes(StandardCharsets.UTF_8)) + "\"");
		assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

		// the same learner without a name, and the state of another registration, are apart from the first one's
		String sameLearner = learner.replaceFirst("\"name\":\"Leo [^\"]+\",", "");
		assertThat(lrs.get(state(activity, sameLearner, "bookmark", registration)).statusCode()).isEqualTo(200);
		assertThat(lrs.get(state(activity, learner, "bookmark", null)).statusCode()).isEqualTo(404);
		assertThat(json(lrs, "PUT", state(activity, learner, "suspend", null), "{\"a\":1}").statusCode()).isEqualTo(204);

		String list = "/xapi/activities/state?activityId=" + enc(activity) + "&agent=" + enc(learner);
		assertThat(Lrs.json(lrs.get(list + "&since=" + enc(before.toString()))).valueStream().map(n -> n.asString()))
			.containsExactlyInAnyOrder("bookmark", "suspend");
		assertThat(Lrs.json(lrs.get(list + "&registration=" + registration)).valueStream().map(n -> n.asString()))
			.containsExactly("bookmark");
		assertThat(Lrs.json(lrs.get(list + "&since=" + enc(Instant.now().plusSeconds(60).toString())))).isEmpty();

		assertThat(send(lrs, "DELETE", list + "&registration=" + registration, null, null).statusCode()).isEqualTo(204);
		assertThat(Lrs.json(lrs.get(list)).valueStream().map(n -> n.asString())).containsExactly("suspend");
		assertThat(send(lrs, "DELETE", list, null, null).statusCode()).isEqualTo(204);
		assertThat(Lrs.json(lrs.get(list))).isEmpty();
	}

	@Test
	void aBinaryDocumentComesBackAsSentAndIsNeverMergedWithJson() throws Exception {
		Lrs lrs = client("state");
		String path = state("https://courses.example/sim/" + UUID.randomUUID(), agent("Maya"), "snapshot", null);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff };
		assertThat(send(lrs, "PUT", path, "image/png", png).statusCode()).isEqualTo(204);

		HttpResponse<byte[]> read = BYTES.send(lrs.request(path).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(read.body()).isEqualTo(png);
		assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");

		HttpResponse<String> merge = json(lrs, "POST", path, "{\"a\":1}");
		assertThat(merge.statusCode()).isEqualTo(400);
		assertThat(merge.body()).contains("both must be application/json");
		assertThat(BYTES.send(lrs.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body())
			.isEqualTo(png);

		String jsonPath = state("https://courses.example/sim/" + UUID.randomUUID(), agent("Maya"), "s", null);
		json(lrs, "PUT", jsonPath, "{\"a\":1}");
		assertThat(json(lrs, "POST", jsonPath, "[1,2]").statusCode()).isEqualTo(400);
		assertThat(json(lrs, "POST", jsonPath, "{\"b\":2}{").statusCode()).isEqualTo(400);
		assertThat(send(lrs, "POST", jsonPath, "text/plain", "b=2".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(400);
		assertThat(Lrs.json(lrs.get(jsonPath))).isEqualTo(Lrs.JSON.readTree("{\"a\":1}"));
	}

	@Test
	void aProfilePutMustSayWhichDocumentItReplaces() throws Exception {
		Lrs lrs = client("profile");
		String path = "/xapi/activities/profile?activityId=" + enc("https://courses.example/" + UUID.randomUUID())
				+ "&profileId=settings";

		HttpResponse<String> blind = json(lrs, "PUT", path, "{\"v\":1}");
		assertThat(blind.statusCode()).isEqualTo(400);
		assertThat(blind.body()).contains("If-None-Match: *");
		assertThat(json(lrs, "PUT", path, "{\"v\":1}", "If-None-Match", "*").statusCode()).isEqualTo(204);
		assertThat(json(lrs, "PUT", path, "{\"v\":2}", "If-None-Match", "*").statusCode()).isEqualTo(412);

		HttpResponse<String> conflict = json(lrs, "PUT", path, "{\"v\":2}");
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("exists already");

		String etag = lrs.get(path).headers().firstValue("ETag").orElseThrow();
		assertThat(Lrs.send(lrs.request(path).header("If-None-Match", etag).GET()).statusCode()).isEqualTo(304);
		assertThat(json(lrs, "PUT", path, "{\"v\":2}", "If-Match", "\"" + "1".repeat(40) + "\"").statusCode())
			.isEqualTo(412);
		assertThat(Lrs.json(lrs.get(path)).get("v").asInt()).isEqualTo(1);
		HttpResponse<String> replaced = json(lrs, "PUT", path, "{\"v\":3}", "If-Match", etag);
		assertThat(replaced.statusCode()).isEqualTo(204);
		assertThat(Lrs.json(lrs.get(path)).get("v").asInt()).isEqualTo(3);
		// the answer names the new ETag, so the writer's next change needs no read first
		String next = replaced.headers().firstValue("ETag").orElseThrow();
		assertThat(next).isNotEqualTo(etag).isEqualTo(lrs.get(path).headers().firstValue("ETag").orElseThrow());
		assertThat(json(lrs, "POST", path, "{\"w\":1}", "If-Match", next).statusCode()).isEqualTo(204);
		assertThat(json(lrs, "PUT", path, "{\"v\":3}", "If-Match", next).statusCode()).isEqualTo(412);
		etag = lrs.get(path).headers().firstValue("ETag").orElseThrow();
		assertThat(json(lrs, "PUT", path, "{\"v\":3}", "If-Match", etag).statusCode()).isEqualTo(204);

		// the old ETag no longer names the document: a second writer who read before loses
		assertThat(json(lrs, "PUT", path, "{\"v\":4}", "If-Match", etag).statusCode()).isEqualTo(412);
		assertThat(send(lrs, "DELETE", path, null, null, "If-Match", etag).statusCode()).isEqualTo(412);
		assertThat(send(lrs, "DELETE", path, null, null).statusCode()).isEqualTo(204);
		assertThat(lrs.get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void anAgentsProfilesAreListedSinceATimeAndMerged() throws Exception {
		Lrs lrs = client("profile");
		String learner = "{\"mbox\":\"mailto:" + UUID.randomUUID() + "@acme.example\"}";
		String base = "/xapi/agents/profile?agent=" + enc(learner);
		assertThat(json(lrs, "POST", base + "&profileId=prefs", "{\"lang\":\"en\"}").statusCode()).isEqualTo(204);
		assertThat(json(lrs, "POST", base + "&profileId=prefs", "{\"theme\":\"dark\"}").statusCode()).isEqualTo(204);
		assertThat(Lrs.json(lrs.get(base + "&profileId=prefs")))
			.isEqualTo(Lrs.JSON.readTree("{\"lang\":\"en\",\"theme\":\"dark\"}"));
		Instant between = Instant.now();
		Thread.sleep(20);
		assertThat(json(lrs, "PUT", base + "&profileId=goals", "{}", "If-None-Match", "*").statusCode()).isEqualTo(204);

		assertThat(Lrs.json(lrs.get(base)).valueStream().map(n -> n.asString())).containsExactly("prefs", "goals");
		assertThat(Lrs.json(lrs.get(base + "&since=" + enc(between.toString()))).valueStream().map(n -> n.asString()))
			.containsExactly("goals");
		assertThat(lrs.get(base + "&since=yesterday").statusCode()).isEqualTo(400);
	}

	@Test
	void postsArrivingTogetherAreAllMergedNoneLost() throws Exception {
		Lrs lrs = client("state");
		String path = state("https://courses.example/" + UUID.randomUUID(), agent("Leo"), "progress", null);
		int writers = 12;
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
			var done = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
			for (int i = 0; i < writers; i++) {
				String body = "{\"lesson" + i + "\":true}";
				done.add(pool.submit(() -> json(lrs, "POST", path, body)));
			}
			for (var answer : done) {
				assertThat(answer.get().statusCode()).isEqualTo(204);
			}
		}
		assertThat(Lrs.json(lrs.get(path)).propertyNames()).hasSize(writers);
	}

	@Test
	void aBadAgentOrParameterIsRefusedWithWhatIsWrong() throws Exception {
		Lrs lrs = client("state", "profile");
		String activity = enc("https://courses.example/a");
		String path = "/xapi/activities/state?activityId=" + activity + "&stateId=s&agent=";
		assertThat(lrs.get(path + enc("not JSON")).body()).contains("not valid JSON");
		assertThat(lrs.get(path + "true").statusCode()).isEqualTo(400);
		HttpResponse<String> anonymous = lrs.get(path + enc("{\"objectType\":\"Agent\",\"name\":\"Rick\"}"));
		assertThat(anonymous.statusCode()).isEqualTo(400);
		assertThat(anonymous.body()).contains("names no identifier");
		assertThat(lrs.get(path + enc("{\"mbox\":\"mailto:a@b.example\",\"openid\":\"https://id.example/a\"}")).body())
			.contains("more than one identifier");
		assertThat(lrs.get(path + enc("{\"mbox\":\"a@b.example\"}")).body()).contains("'mailto:'");
		assertThat(lrs.get(path + enc("{\"objectType\":\"Group\",\"mbox\":\"mailto:a@b.example\"}")).statusCode())
			.isEqualTo(400);

		String agent = enc(agent("Rick"));
		assertThat(lrs.get("/xapi/activities/state?stateId=s&agent=" + agent).body()).contains("'activityId'");
		assertThat(lrs.get("/xapi/activities/state?activityId=" + activity + "&agent=" + agent + "&registration=true")
			.body()).contains("must be a UUID");
		HttpResponse<String> unknown = lrs.get("/xapi/activities/state?activityId=" + activity + "&agent=" + agent
				+ "&StateId=s");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("Unknown parameter 'StateId'");
		assertThat(json(lrs, "PUT", "/xapi/activities/state?activityId=" + activity + "&agent=" + agent, "{}").body())
			.contains("'stateId' parameter is required");
		assertThat(json(lrs, "PUT", "/xapi/agents/profile?profileId=p", "{}", "If-None-Match", "*").body())
			.contains("'agent' parameter is required");
	}

	@Test
	void aDocumentOverTheLimitIsRefusedAndNothingIsKept() throws Exception {
		Lrs lrs = client("state");
		String path = state("https://courses.example/" + UUID.randomUUID(), agent("Rita"), "big", null);
		HttpResponse<String> refused = send(lrs, "PUT", path, "application/octet-stream", new byte[1024 * 1024 + 1]);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("at most 1048576 bytes");
		assertThat(lrs.get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void aKeyWithoutTheScopeIsRefusedAndAReadingKeyOnlyReads() throws Exception {
		Lrs statementsOnly = client("statements/write");
		Lrs stateOnly = client("state");
		Lrs reader = client("all/read");
		String statePath = state("https://courses.example/" + UUID.randomUUID(), agent("Leo"), "s", null);
		String profilePath = "/xapi/activities/profile?activityId=" + enc("https://courses.example/x") + "&profileId=p";

		HttpResponse<String> refused = json(statementsOnly, "PUT", statePath, "{}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("'state' scope");
		assertThat(statementsOnly.get(statePath).statusCode()).isEqualTo(403);
		assertThat(json(stateOnly, "PUT", profilePath, "{}", "If-None-Match", "*").statusCode()).isEqualTo(403);
		assertThat(stateOnly.get("/xapi/agents?agent=" + enc(agent("Leo"))).statusCode()).isEqualTo(403);

		assertThat(json(stateOnly, "PUT", statePath, "{\"k\":1}").statusCode()).isEqualTo(204);
		assertThat(reader.get(statePath).statusCode()).isEqualTo(200);
		assertThat(json(reader, "POST", statePath, "{\"k\":2}").statusCode()).isEqualTo(403);
		assertThat(send(reader, "DELETE", statePath, null, null).statusCode()).isEqualTo(403);
		assertThat(Lrs.json(stateOnly.get(statePath)).get("k").asInt()).isEqualTo(1);
	}
}
