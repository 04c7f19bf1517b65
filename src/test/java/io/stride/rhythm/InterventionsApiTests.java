package io.stride.rhythm;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.shared.InvalidInputException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's interventions through the API: at most three (the fourth, also at once, is 422 at the field with why),
 * what each must name, what is captured when recorded, who sees and closes them, and the commission that carries one
 * out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class InterventionsApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	@Autowired
	Rituals rituals;

	@Autowired
	Sessions sessions;

	@Autowired
	Interventions interventions;

	@Autowired
	Outcomes outcomes;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.stride.delivery.Delivery delivery;

	Org org;

	CapabilityId objections;

	String session;

	@BeforeEach
	void session() {
		clock.reset();
		org = fixtures.organization();
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
		rows.target(org.teamA(), objections, 1, 2, org.managerA());
		rows.holds(org.learnerA(), objections, 1, null);
		session = openSession(org);
	}

	@Test
	void aSessionRecordsThreeInterventionsAndRefusesAFourthWithWhy() throws Exception {
		for (int i = 1; i <= 3; i++) {
			mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair("Shadow call " + i)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.position").value(i))
				.andExpect(jsonPath("$.status").value("OPEN"));
		}
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair("A fourth")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind").value(Interventions.AT_MOST_THREE))
			.andExpect(jsonPath("$.detail", containsString("at most three interventions")));
		String second = read(mvc.perform(get(interventionsOf(session)).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(3)))).get(1).get("id").asString();

		// deleting one frees its place
		mvc.perform(delete("/api/v1/interventions/" + second).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		String inItsPlace = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair("In its place")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.position").value(2))).get("id").asString();
		// one done stays in the session's history: it is no way around the three
		var manager = fixtures.viewer(org.managerA());
		Intervention done = interventions.get(manager, new InterventionId(inItsPlace));
		interventions.close(manager, done.id(), done.revision(), "DONE");
		mvc.perform(delete("/api/v1/interventions/" + inItsPlace).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
	}

	@Test
	void twoRecordedAtOnceForTheLastPlaceGiveOne201AndOne422() throws Exception {
		var manager = fixtures.viewer(org.managerA());
		interventions.record(manager, new SessionId(session), draft("PAIR_OR_SHADOW", "One"));
		interventions.record(manager, new SessionId(session), draft("PAIR_OR_SHADOW", "Two"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<String>> both = new ArrayList<>();
			for (String what : List.of("Three", "Also three")) {
				both.add(() -> {
					try {
						interventions.record(manager, new SessionId(session), draft("PAIR_OR_SHADOW", what));
						return "recorded";
					}
					catch (InvalidInputException e) {
						return e.fieldErrors().get("kind");
					}
				});
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> f : pool.invokeAll(both)) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).containsExactlyInAnyOrder("recorded", Interventions.AT_MOST_THREE);
		}
		finally {
			pool.shutdown();
		}
		assertThat(sessions.get(manager, new SessionId(session)).interventions()).extracting(Intervention::position)
			.containsExactly(1, 2, 3);
	}

	@Test
	void eachInterventionNamesAnOwnerOfTheTeamADueDateAndWhatItsKindNeeds() throws Exception {
		String yesterday = LocalDate.now(clock).minusDays(1).toString();
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"PAIR_OR_SHADOW\",\"capabilityId\":\""
				+ objections.value() + "\",\"ownerId\":\"" + org.learnerB().value() + "\",\"dueOn\":\"" + yesterday
				+ "\",\"metricId\":\"not-the-teams\",\"description\":\" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.ownerId").value("The owner is a member or manager of the team."))
			.andExpect(jsonPath("$.errors.dueOn", containsString("The due date is in the past")))
			.andExpect(jsonPath("$.errors.metricId").value("Choose one of the team's outcome indicators, or none."))
			.andExpect(jsonPath("$.errors.description").value("Say what will be done, in a sentence."))
			.andExpect(jsonPath("$.errors.personId", containsString("Name the person to pair with")));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"ALLOCATE_HOURS\",\"capabilityId\":\""
				+ objections.value() + "\",\"ownerId\":\"" + org.managerA().value() + "\",\"dueOn\":\"" + due()
				+ "\",\"description\":\"Hours for practice\",\"hours\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.hours").value("Allocate more than 0 hours."));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"ASSIGN_COURSE\",\"capabilityId\":\""
				+ objections.value() + "\",\"ownerId\":\"" + org.managerA().value() + "\",\"dueOn\":\"" + due()
				+ "\",\"description\":\"Take the course\",\"courseId\":\"not-a-course\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value("Choose a published course."));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"MAGIC\",\"capabilityId\":\""
				+ objections.value() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind", containsString("Choose one of")));
		mvc.perform(get(interventionsOf(session)).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(json(post(interventionsOf(session)), org.managerB(), pair("Not my team")))
			.andExpect(status().isNotFound());
	}

	@Test
	void recordingCapturesCoverageAndTheIndicatorAndAssignsTheCourseToTheGapsPeople() throws Exception {
		var manager = fixtures.viewer(org.managerA());
		Course course = fixtures.publishedCourse(manager, "Handling price objections " + org.suffix());
		OutcomeMetric winRate = outcomes.define(manager, org.teamA(), new OutcomeMetricChange("Win rate " + org.suffix(),
				"%", "HIGHER_IS_BETTER", "WEEK", "", List.of(course.id().value()), null));
		LocalDate monday = LocalDate.now(clock).with(java.time.DayOfWeek.MONDAY).minusWeeks(1);
		outcomes.putValue(manager, winRate.id(), monday.toString(), 31.5);
		sessions.recordGap(manager, new SessionId(session), objections.value(), "", List.of(org.learnerSubA().value()));

		JsonNode recorded = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(),
				"{\"kind\":\"ASSIGN_COURSE\",\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\""
						+ org.learnerA().value() + "\",\"dueOn\":\"" + due() + "\",\"metricId\":\"" + winRate.id()
						+ "\",\"description\":\"Everyone short takes the course\",\"courseId\":\"" + course.id().value()
						+ "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.holdersBefore").value(1))
			.andExpect(jsonPath("$.metricBefore").value(31.5))
			.andExpect(jsonPath("$.metricName").value("Win rate " + org.suffix()))
			.andExpect(jsonPath("$.courseTitle").value("Handling price objections " + org.suffix()))
			.andExpect(jsonPath("$.ownerName", containsString("Learner A"))));
		assertThat(rows.personAssignments(org.learnerSubA(), course.id().value())).isEqualTo(1);
		assertThat(rows.personAssignments(org.learnerA(), course.id().value())).isZero();

		// the owner sees it addressed to them, and is told
		mvc.perform(get("/api/v1/interventions").param("mine", "").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(recorded.get("id").asString()));
		mvc.perform(get("/api/v1/interventions/" + recorded.get("id").asString())
				.header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM notifications WHERE "
				+ "person_id = ? AND link = '/interventions'").param(org.learnerA().value()).query(Integer.class).single() == 1);
	}

	@Test
	void aCourseWithNobodyNamedIsAssignedToTheTeam() throws Exception {
		var manager = fixtures.viewer(org.managerA());
		Course course = fixtures.publishedCourse(manager, "Negotiation basics " + org.suffix());
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"ASSIGN_COURSE\",\"capabilityId\":\""
				+ objections.value() + "\",\"ownerId\":\"" + org.managerA().value() + "\",\"dueOn\":\"" + due()
				+ "\",\"description\":\"The whole team takes it\",\"courseId\":\"" + course.id().value() + "\"}"))
			.andExpect(status().isCreated());
		assertThat(delivery.assignmentsOf(manager, course.id())).singleElement()
			.satisfies(a -> {
				assertThat(a.teamId()).isEqualTo(org.teamA());
				assertThat(a.dueDate()).isEqualTo(LocalDate.parse(due()));
			});
	}

	@Test
	void theOwnerClosesItAndAStaleCloseIsAConflict() throws Exception {
		JsonNode recorded = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair("Shadow Ana")))
			.andExpect(status().isCreated()));
		String id = recorded.get("id").asString();
		mvc.perform(json(put("/api/v1/interventions/" + id), org.managerA(), "{\"revision\":1,\"ownerId\":\""
				+ org.learnerSubA().value() + "\",\"dueOn\":\"" + due() + "\",\"description\":\"Shadow Ana twice\","
				+ "\"personId\":\"" + org.learnerA().value() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.description").value("Shadow Ana twice"));
		mvc.perform(json(post("/api/v1/interventions/" + id + "/close"), org.learnerSubA(), "{\"revision\":1,\"status\":\"DONE\"}"))
			.andExpect(status().isConflict());
		mvc.perform(json(post("/api/v1/interventions/" + id + "/close"), org.learnerB(), "{\"revision\":2,\"status\":\"DONE\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/interventions/" + id + "/close"), org.learnerSubA(), "{\"revision\":2,\"status\":\"FINISHED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.status").exists());
		mvc.perform(json(post("/api/v1/interventions/" + id + "/close"), org.learnerSubA(), "{\"revision\":2,\"status\":\"DONE\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.doneAt").isNotEmpty());
		// the owner may close, not edit or delete
		mvc.perform(delete("/api/v1/interventions/" + id).header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aProposedGoalIsTakenOrLeftOnlyByThePersonItWasProposedTo() throws Exception {
		String id = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"PROPOSE_CYCLE_GOAL\","
				+ "\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\"" + org.managerA().value() + "\",\"dueOn\":\""
				+ due() + "\",\"description\":\"Practise price objections in role plays\",\"personId\":\""
				+ org.learnerSubA().value() + "\"}"))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(get("/api/v1/interventions").param("mine", "").header("Authorization", bearer(org.learnerSubA())))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].kind").value("PROPOSE_CYCLE_GOAL"));
		mvc.perform(post("/api/v1/interventions/" + id + "/take").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		// nor does the session mark it done over the person's head
		mvc.perform(json(post("/api/v1/interventions/" + id + "/close"), org.managerA(), "{\"revision\":1,\"status\":\"DONE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.status", containsString("Only the person")));
		mvc.perform(post("/api/v1/interventions/" + id + "/leave").header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DROPPED"))
			.andExpect(jsonPath("$.answer").value("LEFT"));
		mvc.perform(post("/api/v1/interventions/" + id + "/take").header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isConflict());
	}

	@Test
	void aCommissionCarriesOutItsInterventionAndPublishingItMarksItDone() throws Exception {
		String id = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(), "{\"kind\":\"COMMISSION_MODULE\","
				+ "\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\"" + org.managerA().value() + "\",\"dueOn\":\""
				+ due() + "\",\"description\":\"A module on the new competitor\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.actionPath", containsString("/commissions/new?intervention=")))).get("id").asString();
		CommissionId commission = new CommissionId(io.stride.shared.Ids.newId());
		transaction.executeWithoutResult(s -> events.publishEvent(new CommissionCreated(commission, org.teamA(),
				org.managerA(), org.learnerA(), "A new competitor", new InterventionId(id), false)));
		await().atMost(Duration.ofSeconds(10)).until(() -> commission.value().equals(
				interventions.get(fixtures.viewer(org.managerA()), new InterventionId(id)).commissionId()));
		transaction.executeWithoutResult(s -> events.publishEvent(new CommissionPublished(commission, org.teamA(),
				org.managerA(), org.learnerA(), new io.stride.authoring.CourseId(io.stride.shared.Ids.newId()),
				"Competitor objections", new InterventionId(id), Duration.ofDays(9))));
		await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(
				interventions.get(fixtures.viewer(org.managerA()), new InterventionId(id)).status()));
	}

	// --- helpers ---

	String openSession(Org org) {
		var manager = fixtures.viewer(org.managerA());
		Ritual ritual = rituals.declare(manager, org.teamA(), new RitualDraft("QUARTERLY_BUSINESS_REVIEW", null,
				"WEEKLY", LocalDate.now(clock).plusDays(1).toString(), "09:00", "UTC", "120", "30", "", ""));
		var next = rituals.get(manager, ritual.id()).meetings().get(0);
		return sessions.open(manager, ritual.id(), next.startsAt()).id().value();
	}

	private String due() {
		return LocalDate.now(clock).plusDays(30).toString();
	}

	private String pair(String description) {
		return "{\"kind\":\"PAIR_OR_SHADOW\",\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\""
				+ org.learnerSubA().value() + "\",\"dueOn\":\"" + due() + "\",\"description\":\"" + description
				+ "\",\"personId\":\"" + org.learnerA().value() + "\"}";
	}

	private InterventionDraft draft(String kind, String description) {
		return new InterventionDraft(kind, objections.value(), org.learnerSubA().value(), due(), null, description, null,
				org.learnerA().value(), null, null);
	}

	private static String interventionsOf(String session) {
		return "/api/v1/sessions/" + session + "/interventions";
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, PersonId who, String body) {
		return request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
