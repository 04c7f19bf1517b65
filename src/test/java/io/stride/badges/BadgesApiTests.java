package io.stride.badges;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.badges.internal.DataIntegrity;
import io.stride.badges.internal.StatusList;
import io.stride.capability.CapabilityId;
import io.stride.capability.internal.Holdings;
import io.stride.cycles.CycleClosed;
import io.stride.cycles.CycleId;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Badges through the API and the public URLs: issuing from each criterion, revocation, and the refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class BadgesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	Holdings holdings;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	BadgeIssuer issuer;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Assessment assessment;

	Org org;

	CapabilityId capability;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		capability = rows.capability("Incident response " + org.suffix(), "Operations", fixtures.admin().id());
	}

	@Test
	void aNewBadgeGoesAtOnceToWhoHoldsTheLevelAndVerifiesOnItsPublicPage() throws Exception {
		inTransaction(() -> rows.holds(org.learnerA(), capability, 2, null));
		inTransaction(() -> rows.holds(org.learnerB(), capability, 1, null));

		String badgeId = id(define(admin(), capabilityBadge("Incident responder", 2))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("CAPABILITY_LEVEL"))
			.andExpect(jsonPath("$.criterionSummary").value(containsString("Can do it alone")))
			.andExpect(jsonPath("$.alignments[0].levelName").value("Can do it alone")));

		String credentialId = onlyCredential(org.learnerA(), badgeId);
		mvc.perform(get("/api/v1/badges/credentials/mine").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));

		// no sign-in: the JSON, the page and the image are public
		String json = mvc.perform(get("/badges/credentials/" + credentialId + ".json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonObject credential = Json.createReader(new StringReader(json)).readObject();
		assertThat(DataIntegrity.verify(credential)).isTrue();
		assertThat(credential.getJsonArray("type").toString()).contains("OpenBadgeCredential");
		assertThat(credential.getJsonObject("issuer").getString("id")).isEqualTo(issuer.issuerId()).startsWith("did:key:z6Mk");
		assertThat(credential.getJsonObject("credentialSubject").getJsonObject("achievement").getString("name"))
			.isEqualTo("Incident responder");
		assertThat(credential.getJsonObject("credentialStatus").getString("statusPurpose")).isEqualTo("revocation");
		assertThat(json).doesNotContain("learner-a-").doesNotContain("@stride.test");
		mvc.perform(get("/badges/credentials/" + credentialId).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().string(json));
		mvc.perform(get("/badges/credentials/" + credentialId).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Learner A earned this badge")))
			.andExpect(content().string(containsString("Yes: the signature checks")))
			.andExpect(content().string(containsString(">Valid<")));
		mvc.perform(get("/badges/" + badgeId + "/image.svg"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">IR</text>")));
		mvc.perform(get("/badges/credentials/" + Ids.newId())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subject_id = ? AND action = 'BADGE_CREATED'")
			.param(badgeId).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aRisingLevelIssuesTheBadgeAndWithdrawnEvidenceRevokesItInTheStatusList() throws Exception {
		String badgeId = id(define(admin(), capabilityBadge("Incident lead", 1)).andExpect(status().isCreated()));

		inTransaction(() -> rows.holds(org.learnerA(), capability, 1, null));
		String credentialId = await().atMost(Duration.ofSeconds(10)).until(() -> credentialOf(org.learnerA(), badgeId), c -> c != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND link = ?")
			.params(org.learnerA().value(), "/badges/credentials/" + credentialId)
			.query(Integer.class)
			.single() == 1);

		inTransaction(() -> {
			jdbc.sql("DELETE FROM capability_certificates WHERE person_id = ? AND capability_id = ?")
				.params(org.learnerA().value(), capability.value())
				.update();
			holdings.recompute(List.of(org.learnerA()), capability);
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc
			.perform(get("/api/v1/badges/credentials/" + credentialId).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.revoked").value(true))
			.andExpect(jsonPath("$.revokedReason").value(BadgeIssuer.EXPIRED)));
		assertThat(revokedInStatusList(credentialId)).isTrue();
		mvc.perform(get("/badges/credentials/" + credentialId))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Revoked on")));

		// the level comes back: a new credential, the revoked one stays revoked
		inTransaction(() -> rows.holds(org.learnerA(), capability, 1, null));
		await().atMost(Duration.ofSeconds(10)).until(() -> credentialOf(org.learnerA(), badgeId), c -> c != null && !c.equals(credentialId));
	}

	@Test
	void evidenceThatExpiresWithTheDaysIsRevokedByTheDailyJob() throws Exception {
		inTransaction(() -> rows.holds(org.learnerA(), capability, 1, LocalDate.now(clock).plusDays(1)));
		String badgeId = id(define(admin(), capabilityBadge("Incident first responder", 1)).andExpect(status().isCreated()));
		String credentialId = onlyCredential(org.learnerA(), badgeId);

		assertThat(issuer.revokeExpired()).isZero();
		clock.advance(Duration.ofDays(2));
		assertThat(issuer.revokeExpired()).isGreaterThanOrEqualTo(1);

		mvc.perform(get("/api/v1/badges/credentials/" + credentialId).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revoked").value(true));
		assertThat(revokedInStatusList(credentialId)).isTrue();
	}

	@Test
	void aClosedCycleWithEnoughValidatedGoalsEarnsTheBadgeOnce() throws Exception {
		String badgeId = id(define(admin(), "{\"name\":\"Cycle finisher " + org.suffix() + "\",\"description\":\"Closed a cycle\","
				+ "\"criteria\":\"Close a learning cycle with two validated goals\",\"kind\":\"CYCLE_CLOSED_WITH_VALIDATED_GOALS\","
				+ "\"minValidatedGoals\":2}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.minValidatedGoals").value(2)));

		closeCycle(org.learnerB(), 1);
		closeCycle(org.learnerA(), 2);
		closeCycle(org.learnerA(), 3);

		await().atMost(Duration.ofSeconds(10)).until(() -> credentialOf(org.learnerA(), badgeId), c -> c != null);
		Thread.sleep(300);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM badge_credentials WHERE badge_id = ? AND person_id = ?")
			.params(badgeId, org.learnerA().value()).query(Integer.class).single()).isEqualTo(1);
		assertThat(credentialOf(org.learnerB(), badgeId)).isNull();
	}

	@Test
	void aMasteredCourseEarnsItsBadgeBeforeAndAfterTheBadgeIsDefined() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Escalations " + org.suffix());
		clock.advance(Duration.ofMinutes(1));
		pass(org.learnerB(), course);
		String badgeId = id(define(admin(), "{\"name\":\"Escalations mastered\",\"description\":\"Knows escalations\","
				+ "\"criteria\":\"Master the escalations course\",\"kind\":\"COURSE_MASTERED\",\"courseId\":\""
				+ course.id().value() + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.criterionSummary").value("Mastered “" + course.title() + "”")));
		onlyCredential(org.learnerB(), badgeId);
		assertThat(credentialOf(org.learnerA(), badgeId)).isNull();

		pass(org.learnerA(), course);
		await().atMost(Duration.ofSeconds(10)).until(() -> credentialOf(org.learnerA(), badgeId), c -> c != null);
	}

	private void pass(PersonId learner, Course course) {
		List<Answer> answers = new java.util.ArrayList<>();
		for (Question q : course.quiz().questions()) {
			answers.add(new Answer(q.id(), q.correct()));
		}
		assessment.submit(fixtures.viewer(learner), course.id(), answers, Ids.newId());
	}

	@Test
	void anAdminRevokesByHandWithAReasonAndAManagerMayNot() throws Exception {
		inTransaction(() -> rows.holds(org.learnerA(), capability, 1, null));
		String badgeId = id(define(admin(), capabilityBadge("Incident helper", 1)).andExpect(status().isCreated()));
		String credentialId = onlyCredential(org.learnerA(), badgeId);
		String revoke = "/api/v1/badges/credentials/" + credentialId + "/revoke";

		mvc.perform(post(revoke).header("Authorization", bearer(org.managerA())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"No\"}")).andExpect(status().isForbidden());
		mvc.perform(post(revoke).header("Authorization", bearer(org.managerB())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"No\"}")).andExpect(status().isNotFound());
		mvc.perform(post(revoke).header("Authorization", bearer(org.learnerB())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"No\"}")).andExpect(status().isNotFound());
		mvc.perform(post(revoke).header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reason").value("Say why the badge is revoked: the earner sees it."));
		assertThat(revokedInStatusList(credentialId)).isFalse();

		mvc.perform(post(revoke).header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Issued by mistake\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revoked").value(true))
			.andExpect(jsonPath("$.revokedReason").value("Issued by mistake"));
		mvc.perform(post(revoke).header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Again\"}")).andExpect(status().isConflict());
		assertThat(revokedInStatusList(credentialId)).isTrue();
		// the public page says it was revoked, not the admin's reason (that is for the earner)
		mvc.perform(get("/badges/credentials/" + credentialId))
			.andExpect(content().string(containsString("Revoked")))
			.andExpect(content().string(not(containsString("Issued by mistake"))));
		// a badge withdrawn by hand does not come back by itself when the level is heard of again
		assertThat(issuer.issue(new BadgeId(badgeId), org.learnerA())).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM badge_credentials WHERE badge_id = ? AND revoked_at IS NULL")
			.param(badgeId).query(Integer.class).single()).isZero();
	}

	@Test
	void onlyAdminsAndLearningTeamDefineAndOthersSeeNoOnesCredentials() throws Exception {
		define(bearer(org.learnerA()), capabilityBadge("Mine", 1)).andExpect(status().isForbidden());
		define(bearer(org.managerA()), capabilityBadge("Mine", 1)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/badges/people/" + org.learnerA().value() + "/credentials")
			.header("Authorization", bearer(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/badges/people/" + org.learnerA().value() + "/credentials")
			.header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/badges/people/" + org.learnerA().value() + "/credentials")
			.header("Authorization", bearer(org.managerA()))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/badges/credentials/mine")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/badges/" + Ids.newId()).header("Authorization", admin())).andExpect(status().isNotFound());
	}

	@Test
	void badDefinitionsGet422AtTheField() throws Exception {
		define(admin(), "{\"name\":\"\",\"description\":\"d\",\"criteria\":\"c\",\"kind\":\"CAPABILITY_LEVEL\","
				+ "\"capabilityId\":\"" + capability.value() + "\",\"levelRank\":9}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.name").value("Name the badge."))
			.andExpect(jsonPath("$.errors.levelRank").value("Choose one of the capability's levels (1 to 3)."));
		define(admin(), "{\"name\":\"n\",\"description\":\"d\",\"criteria\":\"c\",\"kind\":\"NOPE\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").value(containsString("CAPABILITY_LEVEL")));
		define(admin(), "{\"name\":\"n\",\"description\":\"d\",\"criteria\":\"c\",\"kind\":\"CAPABILITY_LEVEL\","
				+ "\"capabilityId\":\"" + Ids.newId() + "\",\"levelRank\":1}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.capabilityId").value("Choose an active capability."));
		define(admin(), "{\"name\":\"n\",\"description\":\"d\",\"criteria\":\"c\",\"kind\":\"COURSE_MASTERED\",\"courseId\":\"x\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value("Choose a published course."));
		define(admin(), "{\"name\":\"" + "n".repeat(121) + "\",\"description\":\"d\",\"criteria\":\"\",\"kind\":\"CYCLE_CLOSED_WITH_VALIDATED_GOALS\","
				+ "\"minValidatedGoals\":0}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value(containsString("120 characters")))
			.andExpect(jsonPath("$.errors.criteria").exists())
			.andExpect(jsonPath("$.errors.minValidatedGoals").value("Ask for 1 to 50 validated goals."));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM badge_definitions WHERE capability_id = ?").param(capability.value())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aDefinitionChangesWithItsRevisionAndRetiresWithoutRevokingWhatWasIssued() throws Exception {
		inTransaction(() -> rows.holds(org.learnerA(), capability, 1, null));
		String badgeId = id(define(admin(), capabilityBadge("Incident watcher", 1)).andExpect(status().isCreated()));
		String credentialId = onlyCredential(org.learnerA(), badgeId);
		String body = capabilityBadge("Incident watcher, renamed", 1).replace("}", ",\"revision\":1}");
		mvc.perform(put("/api/v1/badges/" + badgeId)
			.header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(put("/api/v1/badges/" + badgeId)
			.header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/badges/" + badgeId + "/retire").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.retired").value(true));
		mvc.perform(get("/badges/credentials/" + credentialId)).andExpect(content().string(containsString(">Valid<")));
		// a retired badge is issued no more
		inTransaction(() -> rows.holds(org.learnerB(), capability, 1, null));
		Thread.sleep(300);
		assertThat(credentialOf(org.learnerB(), badgeId)).isNull();
		// but what it issued is still revoked when the evidence goes
		inTransaction(() -> {
			jdbc.sql("DELETE FROM capability_certificates WHERE person_id = ? AND capability_id = ?")
				.params(org.learnerA().value(), capability.value())
				.update();
			holdings.recompute(List.of(org.learnerA()), capability);
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(revokedInStatusList(credentialId)).isTrue());
	}

	@Test
	void theStatusListIsPublicSignedAndAtLeastSixteenKilobytes() throws Exception {
		String json = mvc.perform(get("/api/v1/badges/status-list"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type[1]").value("BitstringStatusListCredential"))
			.andExpect(jsonPath("$.credentialSubject.statusPurpose").value("revocation"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonObject list = Json.createReader(new StringReader(json)).readObject();
		assertThat(DataIntegrity.verify(list)).isTrue();
		String encoded = list.getJsonObject("credentialSubject").getString("encodedList");
		assertThat(encoded).startsWith("u");
		assertThat(StatusList.isSet(encoded, StatusList.MIN_BITS - 1)).isFalse();
	}

	@Test
	void theBadgesApiIsInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Badges\"", "/api/v1/badges", "/api/v1/badges/{id}", "/api/v1/badges/{id}/retire",
				"/api/v1/badges/credentials/mine", "/api/v1/badges/people/{id}/credentials", "/api/v1/badges/credentials/{id}",
				"/api/v1/badges/credentials/{id}/revoke", "/api/v1/badges/status-list", "BadgeBody", "BadgeView",
				"IssuedBadgeView", "RevokeBadgeBody", "BadgeAlignmentView");
	}

	private boolean revokedInStatusList(String credentialId) throws Exception {
		String json = mvc.perform(get("/badges/credentials/" + credentialId + ".json")).andReturn().getResponse().getContentAsString();
		int index = Integer.parseInt(Json.createReader(new StringReader(json)).readObject()
			.getJsonObject("credentialStatus").getString("statusListIndex"));
		String list = mvc.perform(get("/api/v1/badges/status-list")).andReturn().getResponse().getContentAsString();
		return StatusList.isSet(Json.createReader(new StringReader(list)).readObject()
			.getJsonObject("credentialSubject").getString("encodedList"), index);
	}

	private void closeCycle(PersonId person, int validated) {
		inTransaction(() -> events.publishEvent(new CycleClosed(new CycleId(Ids.newId()), person, 3, validated, clock.instant())));
	}

	private String onlyCredential(PersonId person, String badgeId) throws Exception {
		String id = credentialOf(person, badgeId);
		assertThat(id).as("a credential of the badge").isNotNull();
		return id;
	}

	private String credentialOf(PersonId person, String badgeId) {
		return jdbc.sql("SELECT id FROM badge_credentials WHERE badge_id = ? AND person_id = ? AND revoked_at IS NULL")
			.params(badgeId, person.value())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String capabilityBadge(String name, int rank) {
		return "{\"name\":\"" + name + "\",\"description\":\"Handles incidents end to end.\",\"criteria\":\"Reach the level.\","
				+ "\"kind\":\"CAPABILITY_LEVEL\",\"capabilityId\":\"" + capability.value() + "\",\"levelRank\":" + rank
				+ ",\"alignments\":[{\"capabilityId\":\"" + capability.value() + "\",\"levelRank\":" + rank + "}]}";
	}

	private ResultActions define(String authorization, String body) throws Exception {
		return mvc.perform(post("/api/v1/badges").header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static String id(ResultActions result) throws Exception {
		String json = result.andReturn().getResponse().getContentAsString();
		return Json.createReader(new StringReader(json)).readObject().getString("id");
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
	}

	private String admin() {
		return "Bearer " + fixtures.token(fixtures.admin().id());
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
