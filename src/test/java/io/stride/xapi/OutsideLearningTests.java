package io.stride.xapi;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.PersonCapabilities;
import io.stride.capability.RuleKind;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.Visibility;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Learning outside Stride: statements an outside tool sends to the LRS (over real HTTP) count as capability evidence
 * where a rule names their activity, and show on the person's profile and contract to them, their managers and admins.
 * The LRS tells of stored statements with {@link OutsideStatementsStored} in the storing transaction; nothing in these
 * tests publishes it for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OutsideLearningTests {

	static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	Capabilities capabilities;

	@Autowired
	CapabilityProfiles profiles;

	@Autowired
	LearningCycles cycles;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Value("${stride.base-url}")
	String baseUrl;

	Org org;

	Lrs mooc;

	String toolName;

	@BeforeEach
	void organization() throws Exception {
		org = fixtures.organization();
		toolName = "MOOC " + org.suffix();
		mooc = Lrs.client(port, fixtures.token(fixtures.admin().id()), toolName, "statements/write", "statements/read");
	}

	String activity(String name) {
		return "https://mooc.example/" + name + "/" + UUID.randomUUID();
	}

	/** A statement about a Stride person, named as Stride names people (an account on its own address). */
	String statement(String id, PersonId who, String verb, String activity, String name, String result, Instant at) {
		return "{\"id\":\"" + id + "\",\"actor\":{\"account\":{\"homePage\":\"" + baseUrl + "\",\"name\":\"" + who.value()
				+ "\"}},\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"en-US\":\"" + verb.substring(verb.lastIndexOf('/') + 1)
				+ "\"}},\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en-US\":\"" + name + "\"}}}"
				+ (result == null ? "" : ",\"result\":" + result) + ",\"timestamp\":\"" + at + "\"}";
	}

	/** POSTs the statements to the LRS as the tool does; the LRS tells of them itself, in the storing transaction. */
	List<String> send(List<String> statements) throws Exception {
		HttpResponse<String> sent = mooc.post("/xapi/statements", "[" + String.join(",", statements) + "]");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		Lrs.JSON.readTree(sent.body()).forEach(id -> ids.add(id.asString()));
		return ids;
	}

	String send(PersonId who, String verb, String activity, String result) throws Exception {
		return send(List.of(statement(UUID.randomUUID().toString(), who, verb, activity, "Activity", result,
				Instant.now().minusSeconds(60)))).get(0);
	}

	Capability capability(String activity, Double minScore) {
		return capabilities.create(fixtures.admin(), new CapabilityDraft("Negotiate " + UUID.randomUUID(), "", "Sales",
				null, null, List.of(), List.of(new CapabilityDraft.RuleDraft(1, RuleKind.OUTSIDE_ACTIVITY, null, false, null,
						null, null, activity, "Negotiation fundamentals", minScore))));
	}

	Integer level(PersonId person, Capability capability) {
		PersonCapabilities profile = profiles.profile(fixtures.admin(), person);
		return profile.capabilities().stream()
			.filter(h -> h.capability().id().equals(capability.id()))
			.findFirst()
			.map(PersonCapabilities.Held::levelRank)
			.orElse(null);
	}

	@Test
	void aCompletionWithEnoughScoreGivesTheLevelWhenTheLrsTellsOfIt() throws Exception {
		String negotiation = activity("negotiation");
		Capability c = capability(negotiation, 0.8);
		assertThat(c.rules().get(0).label())
			.isEqualTo("Completed “Negotiation fundamentals” in an outside tool (score ≥ 80 %)");
		assertThat(level(org.learnerA(), c)).isNull();

		send(org.learnerA(), COMPLETED, negotiation, "{\"score\":{\"scaled\":0.86},\"success\":true}");

		assertThat(level(org.learnerA(), c)).isEqualTo(1);
		PersonCapabilities.Held held = profiles.profile(fixtures.viewer(org.learnerA()), org.learnerA()).capabilities()
			.stream().filter(h -> h.capability().id().equals(c.id())).findFirst().orElseThrow();
		assertThat(held.levels().get(0).rules().get(0).description())
			.startsWith("Completed “Negotiation fundamentals” in an outside tool on ");
	}

	@Autowired
	io.stride.xapi.internal.StatementWrites writes;

	@Test
	void onlyAToolsOwnKeyReportsOutsideLearningNotStridesLmsOrALearnersSessionCredential() throws Exception {
		String negotiation = activity("negotiation");
		Capability c = capability(negotiation, null);
		// what a learner's cmi5 session credential or Stride's own LMS writes has a client id that is no tool's key
		for (io.stride.xapi.XapiClient writer : List.of(io.stride.xapi.LmsWrites.STRIDE,
				new io.stride.xapi.XapiClient(UUID.randomUUID().toString(), "cmi5 AU", java.util.Set.of(io.stride.xapi.Scope.ALL)))) {
			ObjectNode written = (ObjectNode) Lrs.JSON.readTree(statement(UUID.randomUUID().toString(), org.learnerA(),
					COMPLETED, negotiation, "Forged by a session", null, Instant.now().minusSeconds(30)));
			transaction.executeWithoutResult(t -> writes.store(
					new io.stride.xapi.internal.StatementWrites.Batch(List.of(written), java.util.Map.of()), writer));
		}
		assertThat(level(org.learnerA(), c)).isNull();
		mvc.perform(get("/people/" + org.learnerA().value() + "/outside-learning").with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Forged by a session"))));

		send(org.learnerA(), COMPLETED, negotiation, null);
		assertThat(level(org.learnerA(), c)).isEqualTo(1);
	}

	@Test
	void otherVerbsFailuresLowScoresAndOtherPeopleDoNotCount() throws Exception {
		String attempted = activity("attempted");
		String failed = activity("failed");
		String low = activity("low");
		String others = activity("others");
		String passedWithoutMinimum = activity("passed");
		Capability byAttempt = capability(attempted, null);
		Capability byFailure = capability(failed, null);
		Capability byLowScore = capability(low, 0.8);
		Capability byOthers = capability(others, null);
		Capability byPass = capability(passedWithoutMinimum, null);

		send(org.learnerA(), "http://adlnet.gov/expapi/verbs/attempted", attempted, "{\"score\":{\"scaled\":1.0}}");
		send(org.learnerA(), COMPLETED, failed, "{\"success\":false,\"score\":{\"scaled\":0.9}}");
		send(org.learnerA(), COMPLETED, low, "{\"score\":{\"scaled\":0.79},\"success\":true}");
		send(org.learnerB(), "http://adlnet.gov/expapi/verbs/mastered", others, null);
		send(org.learnerA(), "http://adlnet.gov/expapi/verbs/passed", passedWithoutMinimum, null);

		assertThat(level(org.learnerA(), byAttempt)).isNull();
		assertThat(level(org.learnerA(), byFailure)).isNull();
		assertThat(level(org.learnerA(), byLowScore)).isNull();
		assertThat(level(org.learnerA(), byOthers)).isNull();
		assertThat(level(org.learnerB(), byOthers)).isEqualTo(1);
		assertThat(level(org.learnerA(), byPass)).isEqualTo(1);
		PersonCapabilities.Held lowHeld = profiles.profile(fixtures.admin(), org.learnerA()).capabilities().stream()
			.filter(h -> h.capability().id().equals(byLowScore.id())).findFirst().orElseThrow();
		assertThat(lowHeld.levels().get(0).rules().get(0).description())
			.isEqualTo("Completed “Negotiation fundamentals” with 79 %; it takes 80 %");
	}

	@Test
	void aVoidedCompletionTakesTheLevelAway() throws Exception {
		String negotiation = activity("voided");
		Capability c = capability(negotiation, null);
		String completion = send(org.learnerA(), COMPLETED, negotiation, "{\"success\":true}");
		assertThat(level(org.learnerA(), c)).isEqualTo(1);

		send(List.of("{\"actor\":{\"mbox\":\"mailto:registrar@mooc.example\"},\"verb\":{\"id\":\""
				+ OutsideLearning.VOIDED + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + completion + "\"}}"));

		assertThat(level(org.learnerA(), c)).isNull();
		assertThat(html("/people/" + org.learnerA().value() + "/outside-learning", org.learnerA()))
			.contains("Nothing recorded by an outside tool.");
	}

	@Test
	void theProfileShowsOutsideLearningToThePersonTheirManagersAndAdminsOnly() throws Exception {
		String negotiation = activity("profile");
		List<String> statements = new ArrayList<>();
		Instant start = Instant.now().minusSeconds(3600);
		for (int i = 0; i < 20; i++) {
			statements.add(statement(UUID.randomUUID().toString(), org.learnerA(),
					"http://adlnet.gov/expapi/verbs/experienced", activity("older"), "Older video " + i, null,
					start.plusSeconds(i)));
		}
		statements.add(statement(UUID.randomUUID().toString(), org.learnerA(), COMPLETED, negotiation,
				"Negotiation fundamentals", "{\"score\":{\"scaled\":0.86},\"success\":true}", start.plusSeconds(600)));
		send(statements);
		String path = "/people/" + org.learnerA().value() + "/outside-learning";

		String own = html(path, org.learnerA());
		assertThat(own).contains("<h1>My learning outside Stride</h1>", "21 statements", "Negotiation fundamentals",
				toolName, "completed", "Score 86 % · Passed", "Page 1 of 2", "Older video 19")
			.doesNotContain("Older video 0<");
		assertThat(own.indexOf("Negotiation fundamentals")).isLessThan(own.indexOf("Older video 19"));
		assertThat(html(path + "?page=2", org.learnerA())).contains("Older video 0<", "Page 2 of 2")
			.doesNotContain("Negotiation fundamentals");
		assertThat(html(path, org.managerA())).contains("Learning outside Stride: Learner A", "Negotiation fundamentals");
		assertThat(html(path, fixtures.admin().id())).contains("Negotiation fundamentals");
		mvc.perform(get(path).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get(path).with(as(org.learnerB()))).andExpect(status().isNotFound());

		assertThat(html("/people/" + org.learnerA().value() + "/capabilities", org.learnerA()))
			.contains("<h2 id=\"outside-heading\">Learning outside Stride</h2>", "Negotiation fundamentals",
					"All learning outside Stride (21)");

		HttpResponse<String> api = api("/api/v1/people/" + org.learnerA().value() + "/outside-learning", org.managerA());
		assertThat(api.statusCode()).isEqualTo(200);
		JsonNode page = Lrs.JSON.readTree(api.body());
		assertThat(page.get("total").asInt()).isEqualTo(21);
		assertThat(page.get("statements").get(0).get("activityName").asString()).isEqualTo("Negotiation fundamentals");
		assertThat(page.get("statements").get(0).get("score").asDouble()).isEqualTo(0.86);
		assertThat(page.get("statements").get(0).get("tool").asString()).isEqualTo(toolName);
		HttpResponse<String> hidden = api("/api/v1/people/" + org.learnerA().value() + "/outside-learning", org.managerB());
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
	}

	private HttpResponse<String> api(String path, PersonId who) throws Exception {
		return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + fixtures.token(who))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theContractListsTheOutsideLearningOfTheCyclesPeriod() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LearningCycle cycle = cycles.start(fixtures.viewer(org.learnerA()), new NewCycle("This quarter", today.minusDays(5),
				30, Visibility.MANAGER, List.of(), null, null, null));
		send(List.of(
				statement(UUID.randomUUID().toString(), org.learnerA(), COMPLETED, activity("during"), "Pricing during", null,
						today.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()),
				statement(UUID.randomUUID().toString(), org.learnerA(), COMPLETED, activity("before"), "Pricing before", null,
						today.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant())));

		String contract = html("/cycles/" + cycle.id().value(), org.learnerA());
		assertThat(contract).contains("Learning outside Stride during the cycle (1)", "Pricing during", toolName)
			.doesNotContain("Pricing before");
		assertThat(html("/cycles/" + cycle.id().value(), org.managerA())).contains("Pricing during");
	}

	@Test
	void theRuleFormSaysWhatIsWrongAtTheRuleAndSavesNothing() throws Exception {
		String name = "Outside " + org.suffix();
		String refused = mvc.perform(post("/capabilities/new").with(as(fixtures.admin().id())).with(csrf())
				.param("name", name).param("category", "Sales")
				.param("levels", "Learning", "Can do it alone", "Can teach it", "", "")
				.param("rules[0].kind", "OUTSIDE_ACTIVITY").param("rules[0].level", "1")
				.param("rules[0].activityIri", "negotiation fundamentals")
				.param("rules[1].kind", "OUTSIDE_ACTIVITY").param("rules[1].level", "1")
				.param("rules[1].activityIri", "https://mooc.example/x").param("rules[1].minScore", "150")
				.param("rules[2].kind", "OUTSIDE_ACTIVITY").param("rules[2].level", "1")
				.param("rules[2].activityIri", "https://mooc.example/" + "x".repeat(500))
				.param("rules[3].kind", "OUTSIDE_ACTIVITY").param("rules[3].level", "2")
				.param("rules[3].activityIri", "https://mooc.example/ok").param("rules[3].minScore", "75"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"rule-0-error\"", "The activity&#39;s IRI must be absolute",
				"id=\"rule-1-error\"", "The lowest score that counts is from 0 % to 100 %", "value=\"150\"",
				"id=\"rule-2-error\"", "Keep the activity&#39;s IRI to 500 characters.", "value=\"negotiation fundamentals\"")
			.doesNotContain("id=\"rule-3-error\"");
		assertThat(capabilities.catalogue(fixtures.admin(), null, name, false)).isEmpty();

		mvc.perform(post("/capabilities/new").with(as(fixtures.admin().id())).with(csrf())
				.param("name", name).param("category", "Sales")
				.param("levels", "Learning", "Can do it alone", "Can teach it", "", "")
				.param("rules[0].kind", "OUTSIDE_ACTIVITY").param("rules[0].level", "2")
				.param("rules[0].activityIri", "https://mooc.example/ok").param("rules[0].activityName", "Pricing")
				.param("rules[0].minScore", "75"))
			.andExpect(status().is3xxRedirection());
		Capability saved = capabilities.catalogue(fixtures.admin(), null, name, false).get(0);
		assertThat(saved.rules()).singleElement().satisfies(r -> {
			assertThat(r.activityIri()).isEqualTo("https://mooc.example/ok");
			assertThat(r.minScore()).isEqualTo(0.75);
			assertThat(r.label()).isEqualTo("Completed “Pricing” in an outside tool (score ≥ 75 %)");
		});
		assertThat(html("/capabilities/" + saved.id().value() + "/edit", fixtures.admin().id()))
			.contains("value=\"https://mooc.example/ok\"", "value=\"Pricing\"", "value=\"75\"");
	}

	private String html(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
