package io.stride.xapi;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.support.Fixtures;
import io.stride.xapi.internal.ActivityDefinitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Activities resource answers the definition merged from the statements that defined an activity; the Agents
 * resource answers a Person for an agent. Statements are handed to {@link ActivityDefinitions} as the Statements
 * resource hands them, in the statement's transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XapiActivitiesAndAgentsTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivityDefinitions definitions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	LearningRecord record;

	private Lrs client(String... scopes) throws Exception {
		return Lrs.client(port, fixtures.token(fixtures.admin().id()), "Tool " + UUID.randomUUID(), scopes);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private void stored(String statement, boolean mayDefine) {
		JsonNode json = Lrs.JSON.readTree(statement);
		transactions.executeWithoutResult(status -> definitions.learnFrom(java.util.List.of(json), mayDefine));
	}

	private static String statement(String activityId, String definition) {
		return "{\"actor\":{\"mbox\":\"mailto:leo@acme.example\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attended\"},"
				+ "\"object\":{\"objectType\":\"Activity\",\"id\":\"" + activityId + "\",\"definition\":" + definition + "}}";
	}

	@Test
	void anActivityNamedInTwoLanguagesByTwoStatementsKeepsBothNames() throws Exception {
		String meeting = "https://acme.example/meetings/" + UUID.randomUUID();
		stored(statement(meeting, "{\"type\":\"http://adlnet.gov/expapi/activities/meeting\",\"name\":{\"en-US\":"
				+ "\"example meeting\"},\"moreInfo\":\"https://acme.example/old\"}"), true);
		stored(statement(meeting, "{\"name\":{\"fr-FR\":\"réunion\"},\"moreInfo\":\"https://acme.example/new\"}"), true);

		HttpResponse<String> read = client("define").get("/xapi/activities?activityId=" + enc(meeting));
		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode activity = Lrs.json(read);
		assertThat(activity.get("objectType").asString()).isEqualTo("Activity");
		assertThat(activity.get("id").asString()).isEqualTo(meeting);
		assertThat(activity.at("/definition/name/en-US").asString()).isEqualTo("example meeting");
		assertThat(activity.at("/definition/name/fr-FR").asString()).isEqualTo("réunion");
		assertThat(activity.at("/definition/type").asString()).isEqualTo("http://adlnet.gov/expapi/activities/meeting");
		assertThat(activity.at("/definition/moreInfo").asString()).isEqualTo("https://acme.example/new");
	}

	@Test
	void oneBatchNamingAnActivityTwiceKeepsBothLanguagesAndTheLaterValue() throws Exception {
		String meeting = "https://acme.example/meetings/" + UUID.randomUUID();
		HttpResponse<String> posted = client("statements/write", "define").post("/xapi/statements", "["
				+ statement(meeting, "{\"name\":{\"en-US\":\"weekly meeting\"},\"moreInfo\":\"https://acme.example/a\"}")
				+ "," + statement(meeting, "{\"name\":{\"de-DE\":\"Wochentreffen\"},\"moreInfo\":\"https://acme.example/b\"}")
				+ "]");
		assertThat(posted.statusCode()).isEqualTo(200);

		JsonNode activity = Lrs.json(client("define").get("/xapi/activities?activityId=" + enc(meeting)));
		assertThat(activity.at("/definition/name/en-US").asString()).isEqualTo("weekly meeting");
		assertThat(activity.at("/definition/name/de-DE").asString()).isEqualTo("Wochentreffen");
		assertThat(activity.at("/definition/moreInfo").asString()).isEqualTo("https://acme.example/b");
	}

	@Test
	void concurrentBatchesAboutTheSameActivitiesInOppositeOrdersAreAllStored() throws Exception {
		String prefix = "https://acme.example/drills/" + UUID.randomUUID() + "/";
		Lrs writer = client("statements/write", "define");
		int batches = 12;
		java.util.List<java.util.concurrent.Callable<Integer>> sends = new java.util.ArrayList<>();
		for (int b = 0; b < batches; b++) {
			int batch = b;
			sends.add(() -> {
				StringBuilder body = new StringBuilder("[");
				for (int i = 0; i < 10; i++) {
					int activity = batch % 2 == 0 ? i : 9 - i;
					body.append(i == 0 ? "" : ",").append(statement(prefix + activity, "{\"name\":{\"en\":\"Drill "
							+ activity + "\",\"x-batch-" + batch + "\":\"" + batch + "\"}}"));
				}
				return writer.post("/xapi/statements", body.append("]").toString()).statusCode();
			});
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			for (var answer : pool.invokeAll(sends)) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		JsonNode drill = Lrs.json(client("define").get("/xapi/activities?activityId=" + enc(prefix + 3)));
		assertThat(drill.at("/definition/name/en").asString()).isEqualTo("Drill 3");
		for (int b = 0; b < batches; b++) {
			// every batch's language survives: each merge read what the one before it wrote
			assertThat(drill.at("/definition/name/x-batch-" + b).asString()).isEqualTo(String.valueOf(b));
		}
	}

	@Test
	void aWriterWithoutDefineMayIntroduceAnActivityButNotRedefineIt() throws Exception {
		String course = "https://acme.example/courses/" + UUID.randomUUID();
		String parent = "https://acme.example/programmes/" + UUID.randomUUID();
		stored("{\"actor\":{\"mbox\":\"mailto:leo@acme.example\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
				+ "\"object\":{\"id\":\"" + course + "\",\"definition\":{\"name\":{\"en\":\"Safety basics\"}}},"
				+ "\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\"" + parent + "\",\"definition\":{\"name\":"
				+ "{\"en\":\"Onboarding\"}}}]}}}", false);
		stored(statement(course, "{\"name\":{\"en\":\"Renamed by someone else\"}}"), false);

		Lrs reader = client("statements/read");
		assertThat(Lrs.json(reader.get("/xapi/activities?activityId=" + enc(course))).at("/definition/name/en").asString())
			.isEqualTo("Safety basics");
		assertThat(Lrs.json(reader.get("/xapi/activities?activityId=" + enc(parent))).at("/definition/name/en").asString())
			.isEqualTo("Onboarding");
	}

	@Test
	void aLessonStrideRecordedIsAnsweredWithTheDefinitionItsStatementGave() throws Exception {
		var org = fixtures.organization();
		String lessonKey = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> record.record(new LearningAction(org.learnerA(), "Learner A",
				Verb.EXPERIENCED, ActivityType.LESSON, lessonKey, "Lifting safely", null, null)));
		String iri = record.activityIri(ActivityType.LESSON, lessonKey);

		JsonNode activity = Lrs.json(client("define").get("/xapi/activities?activityId=" + enc(iri)));
		assertThat(activity.at("/definition/name/en-US").asString()).isEqualTo("Lifting safely");
		assertThat(activity.at("/definition/type").asString()).isEqualTo(ActivityType.LESSON.iri());
	}

	@Test
	void aStatementStrideRecordedCannotBeVoidedByAnLrsClient() throws Exception {
		var org = fixtures.organization();
		String lessonKey = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> record.record(new LearningAction(org.learnerA(), "Learner A",
				Verb.EXPERIENCED, ActivityType.LESSON, lessonKey, "Reading a meter", null, null)));
		Lrs lrs = client("all");
		String iri = record.activityIri(ActivityType.LESSON, lessonKey);
		String own = Lrs.json(lrs.get("/xapi/statements?activity=" + enc(iri))).at("/statements/0/id").asString();

		HttpResponse<String> voiding = lrs.post("/xapi/statements", "{\"actor\":{\"mbox\":\"mailto:tool@sim.example\"},"
				+ "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":"
				+ "\"StatementRef\",\"id\":\"" + own + "\"}}");
		assertThat(voiding.statusCode()).isEqualTo(403);
		assertThat(voiding.body()).contains("recorded by Stride itself");
		assertThat(lrs.get("/xapi/statements?statementId=" + own).statusCode()).isEqualTo(200);
	}

	@Test
	void anActivityNoStatementDefinedIsItsIdAloneAndAMissingIdIsRefused() throws Exception {
		Lrs lrs = client("all");
		String unknown = "https://acme.example/never/" + UUID.randomUUID();
		assertThat(Lrs.json(lrs.get("/xapi/activities?activityId=" + enc(unknown))))
			.isEqualTo(Lrs.JSON.readTree("{\"objectType\":\"Activity\",\"id\":\"" + unknown + "\"}"));
		HttpResponse<String> missing = lrs.get("/xapi/activities");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("'activityId' parameter is required");
		assertThat(client("state").get("/xapi/activities?activityId=" + enc(unknown)).statusCode()).isEqualTo(403);
	}

	@Test
	void anAgentIsAnsweredAsAPersonWithArrays() throws Exception {
		Lrs lrs = client("profile");
		HttpResponse<String> read = lrs.get("/xapi/agents?agent="
				+ enc("{\"objectType\":\"Agent\",\"name\":\"Leo\",\"mbox\":\"mailto:leo@acme.example\"}"));
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Lrs.json(read)).isEqualTo(Lrs.JSON.readTree(
				"{\"objectType\":\"Person\",\"name\":[\"Leo\"],\"mbox\":[\"mailto:leo@acme.example\"]}"));

		JsonNode account = Lrs.json(lrs.get("/xapi/agents?agent="
				+ enc("{\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"42\"}}")));
		assertThat(account.at("/account/0/name").asString()).isEqualTo("42");
		assertThat(account.has("name")).isFalse();

		HttpResponse<String> nameOnly = lrs.get("/xapi/agents?agent=" + enc("{\"objectType\":\"Agent\",\"name\":\"Rick\"}"));
		assertThat(nameOnly.statusCode()).isEqualTo(400);
		assertThat(lrs.get("/xapi/agents").statusCode()).isEqualTo(400);
	}
}
