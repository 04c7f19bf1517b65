package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.CapabilityDraft.RuleDraft;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.capability.RuleKind;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.MasteryRules;
import io.stride.review.Reviews;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What recording an intervention does, through the API: L&D record every kind on every team (the course assigned and
 * the sign-off asked for on their authority), the due date is {@code dueOn} and nothing else, hours go into the
 * team's learning-hours plan by planning's rules, and a partner holds the capability at the level the team counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class InterventionsCarriedOutTests {

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
	LearningHours hours;

	@Autowired
	Reviews reviews;

	@Autowired
	Capabilities capabilities;

	@Autowired
	MasteryRules masteryRules;

	@Autowired
	JdbcClient jdbc;

	Org org;

	CapabilityId objections;

	String session;

	PersonId learningTeam;

	@BeforeEach
	void session() {
		clock.reset();
		org = fixtures.organization();
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
		rows.target(org.teamA(), objections, 1, 2, org.managerA());
		rows.holds(org.learnerA(), objections, 1, null);
		learningTeam = fixtures.person(fixtures.admin(), "L&D Lea", "lea", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		reviews.setUp(fixtures.admin(), learningTeam, "", true, false);
		session = openSession();
	}

	// --- L&D act on every team ---

	@Test
	void learningAndDevelopmentAssignACourseOnTheirOwnAuthorityToThePersonOrTheTeam() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Price objections " + org.suffix());
		mvc.perform(json(post(interventionsOf(session)), learningTeam, body("ASSIGN_COURSE", org.managerA(),
				"\"description\":\"Learner A1 takes the course\",\"courseId\":\"" + course.id().value()
						+ "\",\"personId\":\"" + org.learnerSubA().value() + "\"")))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT assigned_by FROM person_assignments WHERE person_id = ? AND course_id = ?")
			.params(org.learnerSubA().value(), course.id().value())
			.query(String.class)
			.single()).isEqualTo(learningTeam.value());

		mvc.perform(json(post(interventionsOf(session)), learningTeam, body("ASSIGN_COURSE", org.managerA(),
				"\"description\":\"The team takes it\",\"courseId\":\"" + course.id().value() + "\"")))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT assigned_by FROM assignments WHERE team_id = ? AND course_id = ?")
			.params(org.teamA().value(), course.id().value())
			.query(String.class)
			.single()).isEqualTo(learningTeam.value());

		// a manager still acts only on their own tree
		mvc.perform(json(post(interventionsOf(session)), org.managerB(), body("ASSIGN_COURSE", org.managerA(),
				"\"description\":\"Not mine\",\"courseId\":\"" + course.id().value() + "\"")))
			.andExpect(status().isNotFound());
	}

	@Test
	void learningAndDevelopmentAskForAnObservedSignOffOnAnyTeam() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Course practice = fixtures.publishedCourse(manager, "Objection practice " + org.suffix());
		ChecklistTask task = masteryRules.addTask(manager, org.teamA(), practice.id(), "Handles a price objection live");
		Capability observed = capabilities.create(fixtures.admin(), new CapabilityDraft("Live objections " + org.suffix(),
				"Handles objections on real calls.", "Sales", null, null, List.of(),
				List.of(new RuleDraft(1, RuleKind.TASK_SIGNED_OFF, null, false, task.id(), null, null))));

		mvc.perform(json(post(interventionsOf(session)), learningTeam, "{\"kind\":\"PRACTICE_ON_REAL_WORK\","
				+ "\"capabilityId\":\"" + observed.id().value() + "\",\"ownerId\":\"" + org.managerA().value()
				+ "\",\"dueOn\":\"" + due() + "\",\"description\":\"Learner A handles the next price objection\","
				+ "\"personId\":\"" + org.learnerA().value() + "\",\"taskId\":\"" + task.id() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.taskId").value(task.id()));
		// the learner's manager is asked to observe it
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM notifications WHERE "
				+ "person_id = ? AND subject LIKE 'Sign-off asked:%'").param(org.managerA().value())
			.query(Integer.class)
			.single() == 1);
	}

	// --- the due date ---

	@Test
	void theDueDateIsDueOnAndADueDateFieldIsRefusedAtItNotIgnored() throws Exception {
		String noDue = "{\"kind\":\"COMMISSION_MODULE\",\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\""
				+ org.managerA().value() + "\",\"description\":\"A module\"";
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), noDue + ",\"dueDate\":\"" + due() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn", allOf(containsString("'dueOn'"), containsString("'dueDate'"))));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), noDue + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn").value("Give the due date."));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), noDue + ",\"dueOn\":\"31/03/2027\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn", containsString("YYYY-MM-DD")));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), noDue + ",\"dueOn\":[2027,3,31]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn").exists());
		String id = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(), noDue + ",\"dueOn\":\""
				+ due() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.dueOn").value(due()))).get("id").asString();

		// an edit that names it dueDate changes nothing
		String later = LocalDate.now(clock).plusDays(40).toString();
		mvc.perform(json(put("/api/v1/interventions/" + id), org.managerA(), "{\"revision\":1,\"ownerId\":\""
				+ org.managerA().value() + "\",\"dueDate\":\"" + later + "\",\"description\":\"A module\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn", containsString("'dueDate'")));
		mvc.perform(get("/api/v1/interventions/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.dueOn").value(due()))
			.andExpect(jsonPath("$.revision").value(1));
		// the API description says which
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.schemas.InterventionBody.properties.dueOn.format").value("date"))
			.andExpect(jsonPath("$.components.schemas.InterventionBody.required", hasItem("dueOn")))
			.andExpect(jsonPath("$.components.schemas.InterventionBody.properties.dueDate").doesNotExist());
	}

	// --- learning hours ---

	@Test
	void allocatedHoursAreAddedToThePersonsHoursInThePeriodOfTheDueDate() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		LocalDate today = LocalDate.now(clock);
		LearningPeriod now = hours.createPeriod(manager, org.teamA(), new LearningHours.PeriodDraft("Now",
				today.minusDays(3).toString(), today.plusDays(10).toString()));
		LearningPeriod next = hours.createPeriod(manager, org.teamA(), new LearningHours.PeriodDraft("Next",
				today.plusDays(11).toString(), today.plusDays(24).toString()));
		hours.allocate(manager, org.teamA(), next.id(), next.revision(),
				List.of(new LearningHours.Allocation(org.learnerA().value(), "4")));

		String dueInNext = today.plusDays(20).toString();
		String id = read(mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.learnerSubA(),
				org.learnerA(), dueInNext, "6.5")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.hours").value(6.5))).get("id").asString();
		assertThat(given(next, org.learnerA())).isEqualByComparingTo("10.5");
		assertThat(given(now, org.learnerA())).isNull();
		// the plan shows them
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/learning-hours").param("period", next.id())
				.header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.learnerA().value() + "')].allocatedHours").value(10.5));

		// changing the hours changes what was given; deleting the intervention takes them back
		mvc.perform(json(put("/api/v1/interventions/" + id), org.managerA(), "{\"revision\":1,\"ownerId\":\""
				+ org.learnerSubA().value() + "\",\"dueOn\":\"" + dueInNext + "\",\"description\":\"Practice hours\","
				+ "\"personId\":\"" + org.learnerA().value() + "\",\"hours\":2}"))
			.andExpect(status().isOk());
		assertThat(given(next, org.learnerA())).isEqualByComparingTo("6");
		mvc.perform(delete("/api/v1/interventions/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		assertThat(given(next, org.learnerA())).isEqualByComparingTo("4");
		// a second delete (a double click) takes nothing more back
		mvc.perform(delete("/api/v1/interventions/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		assertThat(given(next, org.learnerA())).isEqualByComparingTo("4");

		// with nobody named, the owner gets them; a due date in no period falls back to the current one
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.learnerSubA(), null,
				today.plusDays(60).toString(), "3")))
			.andExpect(status().isCreated());
		assertThat(given(now, org.learnerSubA())).isEqualByComparingTo("3");
	}

	@Test
	void hoursAboveThePeriodsLengthAreRefusedAtTheFieldAndThereIsNoOtherCap() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		LocalDate today = LocalDate.now(clock);
		// the longest period there is: 92 days, some 65 working days of 8 hours
		LearningPeriod quarter = hours.createPeriod(manager, org.teamA(), new LearningHours.PeriodDraft("Quarter",
				today.toString(), today.plusDays(LearningHours.MAX_DAYS - 1).toString()));
		BigDecimal max = quarter.maxHours();
		assertThat(max).isGreaterThan(new BigDecimal("500"));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.managerA(), org.learnerA(),
				due(), max.add(BigDecimal.ONE).toPlainString())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.hours", allOf(containsString("At most " + max + " hours"),
					containsString("“Quarter”"))));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.managerA(), org.learnerA(),
				due(), max.subtract(new BigDecimal("10")).toPlainString())))
			.andExpect(status().isCreated());
		assertThat(given(quarter, org.learnerA())).isEqualByComparingTo(max.subtract(new BigDecimal("10")));
		// what the person has counts: 11 more would go over
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.managerA(), org.learnerA(),
				due(), "11")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.hours", containsString("has " + max.subtract(new BigDecimal("10"))
				.stripTrailingZeros().toPlainString() + " hours there already")));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.managerA(), org.learnerA(),
				due(), "0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.hours").value("Allocate more than 0 hours."));
		assertThat(given(quarter, org.learnerA())).isEqualByComparingTo(max.subtract(new BigDecimal("10")));
	}

	@Test
	void hoursNeedAPeriodHoldingTheDueDateOrToday() throws Exception {
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), allocate(org.managerA(), org.learnerA(),
				due(), "4")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.hours", containsString("no learning period")));
		mvc.perform(get(interventionsOf(session)).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	// --- pairing ---

	@Test
	void aPartnerWhoDoesNotHoldTheCapabilityAtTheTeamsLevelIsRefusedWithWhoHoldsIt() throws Exception {
		// someone in another team holds it; learner B does not, nor does learner A1 of the team
		PersonId expert = fixtures.person(fixtures.admin(), "Eva Expert", "eva", org.suffix(), Set.of(org.teamB()),
				Set.of());
		rows.holds(expert, objections, 2, null);
		for (PersonId partner : List.of(org.learnerB(), org.learnerSubA())) {
			mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair(partner)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.personId", allOf(containsString("does not hold “Objection handling"),
						containsString("Learner A"), containsString("Eva Expert"))));
		}
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair(expert)))
			.andExpect(status().isCreated());
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair(org.learnerA())))
			.andExpect(status().isCreated());

		// the form offers exactly those
		var offered = interventions.partners(fixtures.viewer(org.managerA()), new SessionId(session),
				List.of(objections), 10);
		assertThat(offered).singleElement().satisfies(p -> {
			assertThat(p.levelRank()).isEqualTo(1);
			assertThat(p.people()).extracting(PersonRef::id).contains(org.learnerA(), expert)
				.doesNotContain(org.learnerB(), org.learnerSubA());
		});
	}

	@Test
	void aTargetAtAHigherLevelAsksThePartnerToHoldThatLevel() throws Exception {
		jdbc.sql("UPDATE capability_targets SET level_rank = 2 WHERE team_id = ? AND capability_id = ?")
			.params(org.teamA().value(), objections.value())
			.update();
		// learner A holds level 1 only
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair(org.learnerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.personId", allOf(containsString("Learner A does not hold"),
					containsString("Nobody holds it at that level yet"))));
		assertThat(interventions.partners(fixtures.viewer(org.managerA()), new SessionId(session), List.of(objections),
				10)).singleElement().satisfies(p -> {
					assertThat(p.levelRank()).isEqualTo(2);
					assertThat(p.people()).isEmpty();
				});
		rows.holds(org.learnerSubA(), objections, 2, null);
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair(org.learnerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.personId", allOf(containsString("Who holds it: Learner A1"),
					not(containsString("Nobody")))));
		mvc.perform(json(post(interventionsOf(session)), org.managerA(), pair(org.learnerSubA())))
			.andExpect(status().isCreated());
	}

	// --- helpers ---

	private BigDecimal given(LearningPeriod period, PersonId person) {
		return jdbc.sql("SELECT hours FROM learning_hours WHERE period_id = ? AND person_id = ?")
			.params(period.id(), person.value())
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	private String openSession() {
		var manager = fixtures.viewer(org.managerA());
		Ritual ritual = rituals.declare(manager, org.teamA(), new RitualDraft("QUARTERLY_BUSINESS_REVIEW", null,
				"WEEKLY", LocalDate.now(clock).plusDays(1).toString(), "09:00", "UTC", "120", "30", "", ""));
		var next = rituals.get(manager, ritual.id()).meetings().get(0);
		return sessions.open(manager, ritual.id(), next.startsAt()).id().value();
	}

	private String due() {
		return LocalDate.now(clock).plusDays(30).toString();
	}

	private String body(String kind, PersonId owner, String rest) {
		return "{\"kind\":\"" + kind + "\",\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\""
				+ owner.value() + "\",\"dueOn\":\"" + due() + "\"," + rest + "}";
	}

	private String allocate(PersonId owner, PersonId person, String dueOn, String hours) {
		return "{\"kind\":\"ALLOCATE_HOURS\",\"capabilityId\":\"" + objections.value() + "\",\"ownerId\":\""
				+ owner.value() + "\",\"dueOn\":\"" + dueOn + "\",\"description\":\"Practice hours\","
				+ (person == null ? "" : "\"personId\":\"" + person.value() + "\",") + "\"hours\":" + hours + "}";
	}

	private String pair(PersonId partner) {
		return body("PAIR_OR_SHADOW", org.learnerSubA(), "\"description\":\"Shadow two calls\",\"personId\":\""
				+ partner.value() + "\"");
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
