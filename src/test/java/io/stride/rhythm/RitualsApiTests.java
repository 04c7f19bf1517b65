package io.stride.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rituals, sessions and gaps through the API: who declares, edits and retires rituals; bad input at the field; a stale
 * edit; opening a meeting once; notes and status; skill gaps.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class RitualsApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	Org org;

	CapabilityId objections;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
	}

	@Test
	void aManagerDeclaresAWeeklyCallAndSeesItsNextMeeting() throws Exception {
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		JsonNode ritual = read(mvc.perform(json(post(rituals(org)), org.managerA(), "{\"kind\":\"PIPELINE_CALL\","
				+ "\"cadence\":\"WEEKLY\",\"firstDate\":\"" + tomorrow + "\",\"firstTime\":\"09:30\","
				+ "\"timeZone\":\"Europe/Lisbon\",\"durationMinutes\":60,\"agendaMinutes\":20}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Pipeline or forecast call"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Lisbon"))
			.andExpect(jsonPath("$.preReadHours").value(24))
			.andExpect(jsonPath("$.agendaMinutes").value(20))
			.andExpect(jsonPath("$.revision").value(1)));
		Instant first = tomorrow.atTime(9, 30).atZone(java.time.ZoneId.of("Europe/Lisbon")).toInstant();
		assertThat(Instant.parse(ritual.get("firstStartsAt").asString())).isEqualTo(first);

		mvc.perform(get(rituals(org)).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(ritual.get("id").asString()))
			.andExpect(jsonPath("$[0].nextStartsAt").value(first.toString()));
		// admins act on every team
		mvc.perform(get("/api/v1/rituals/" + ritual.get("id").asString()).header("Authorization",
				bearer(fixtures.admin().id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.meetings[0].startsAt").value(first.toString()))
			.andExpect(jsonPath("$.meetings[0].sessionId").isEmpty());
	}

	@Test
	void outsidersAreToldTheTeamAndItsRitualsDoNotExist() throws Exception {
		String id = declare(org.managerA());
		for (PersonId outsider : new PersonId[] { org.managerB(), org.learnerA() }) {
			mvc.perform(get(rituals(org)).header("Authorization", bearer(outsider))).andExpect(status().isNotFound());
			mvc.perform(json(post(rituals(org)), outsider, body("RETROSPECTIVE", "WEEKLY", "UTC", 60, 15)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/rituals/" + id).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(delete("/api/v1/rituals/" + id).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(json(post("/api/v1/rituals/" + id + "/sessions"), outsider, "{\"startsAt\":\"" + next(id) + "\"}"))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void badInputIsRefusedAtTheFieldAndNothingIsDeclared() throws Exception {
		mvc.perform(json(post(rituals(org)), org.managerA(), body("RETROSPECTIVE", "WEEKLY", "Mars/Olympus", 60, 15)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.timeZone", containsString("is not a time zone")));
		mvc.perform(json(post(rituals(org)), org.managerA(), body("RETROSPECTIVE", "WEEKLY", "UTC", 30, 45)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.agendaMinutes").value("The capability-planning block fits in the meeting: at "
					+ "most 30 minutes."));
		mvc.perform(json(post(rituals(org)), org.managerA(), "{\"kind\":\"STANDUP\",\"firstDate\":\"12/01/2027\","
				+ "\"firstTime\":\"9h\",\"durationMinutes\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.kind", containsString("Choose one of")))
			.andExpect(jsonPath("$.errors.cadence").value("Choose how often it meets."))
			.andExpect(jsonPath("$.errors.firstDate").value("Give a date as YYYY-MM-DD, e.g. 2027-01-12."))
			.andExpect(jsonPath("$.errors.firstTime").value("Give a time as HH:MM, e.g. 09:30."))
			.andExpect(jsonPath("$.errors.durationMinutes").value("A meeting lasts from 5 to 480 minutes."));
		mvc.perform(get(rituals(org)).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void aStaleEditIsAConflictAndRetiringKeepsTheRitual() throws Exception {
		String id = declare(org.managerA());
		mvc.perform(json(put("/api/v1/rituals/" + id), org.managerA(), withRevision(1, "Quarterly review", 90)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Quarterly review"))
			.andExpect(jsonPath("$.durationMinutes").value(90))
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(json(put("/api/v1/rituals/" + id), fixtures.admin().id(), withRevision(1, "Overwrites it", 60)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("changed elsewhere")));
		mvc.perform(json(put("/api/v1/rituals/" + id), org.managerA(), "{\"kind\":\"QUARTERLY_BUSINESS_REVIEW\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());

		mvc.perform(delete("/api/v1/rituals/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.retiredAt").isNotEmpty());
		mvc.perform(get(rituals(org)).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].retiredAt").isNotEmpty())
			.andExpect(jsonPath("$[0].nextStartsAt").isEmpty());
		mvc.perform(json(put("/api/v1/rituals/" + id), org.managerA(), withRevision(3, "After retiring", 60)))
			.andExpect(status().isConflict());
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void retiringForgetsMeetingsPreparedAheadWithNothingInThem() throws Exception {
		String id = declare(org.managerA());
		String startsAt = next(id);
		String prepared = read(mvc.perform(json(post("/api/v1/rituals/" + id + "/sessions"), org.managerA(),
				"{\"startsAt\":\"" + startsAt + "\"}"))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(delete("/api/v1/rituals/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		// it would still be listed beside the ritual's meetings (and get a pre-read) though the ritual meets no more
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ritual_sessions WHERE id = ?").param(prepared).query(Integer.class)
			.single()).isZero();
		mvc.perform(get("/api/v1/sessions/" + prepared).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void openingAMeetingTwiceGivesOneSessionAndATimeItDoesNotMeetIs422() throws Exception {
		String id = declare(org.managerA());
		String startsAt = next(id);
		String first = read(mvc.perform(json(post("/api/v1/rituals/" + id + "/sessions"), org.managerA(),
				"{\"startsAt\":\"" + startsAt + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.preReadPath", containsString("/pre-read")))).get("id").asString();
		mvc.perform(json(post("/api/v1/rituals/" + id + "/sessions"), org.managerA(), "{\"startsAt\":\"" + startsAt + "\"}"))
			.andExpect(jsonPath("$.id").value(first));

		mvc.perform(json(post("/api/v1/rituals/" + id + "/sessions"), org.managerA(),
				"{\"startsAt\":\"" + Instant.parse(startsAt).plusSeconds(3600) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsAt").value("The ritual does not meet then."));
		mvc.perform(json(post("/api/v1/rituals/" + id + "/sessions"), org.managerA(), "{\"startsAt\":\"tomorrow\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsAt").exists());
		mvc.perform(get("/api/v1/rituals/" + id + "/sessions").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(first));
	}

	@Test
	void aSessionIsHeldOnceItHasBegunAndKeepsItsNotes() throws Exception {
		String session = openNext(declare(org.managerA()));
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerA(), "{\"status\":\"HELD\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.status", containsString("mark it held once it has begun")));
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerA(), "{\"status\":\"POSTPONED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.status").exists());
		clock.advance(Duration.ofDays(8));
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerA(),
				"{\"status\":\"HELD\",\"notes\":\"Renewals slipped; objections on price.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("HELD"))
			.andExpect(jsonPath("$.heldAt").isNotEmpty());
		mvc.perform(get("/api/v1/sessions/" + session).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.session.notes").value("Renewals slipped; objections on price."))
			.andExpect(jsonPath("$.teamName").value("Team A " + org.suffix()));
		mvc.perform(get("/api/v1/sessions/" + session).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerB(), "{\"notes\":\"Mine now\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void twoManagersWritingNotesAtOnceDoNotOverwriteEachOther() throws Exception {
		String session = openNext(declare(org.managerA()));
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerA(),
				"{\"notes\":\"Price objections came up twice.\",\"notesBefore\":\"\"}"))
			.andExpect(status().isOk());
		// a second writer who opened the session before that save is told, and shown what was saved
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerA(),
				"{\"notes\":\"Renewals slipped.\",\"notesBefore\":\"\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.notes").value("Price objections came up twice."));
		mvc.perform(get("/api/v1/sessions/" + session).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.session.notes").value("Price objections came up twice."));
		// having read them, the second writer saves both
		mvc.perform(json(patch("/api/v1/sessions/" + session), org.managerA(),
				"{\"notes\":\"Price objections came up twice. Renewals slipped.\",\"notesBefore\":\"Price objections came up twice.\"}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/sessions/" + session).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.session.notes").value("Price objections came up twice. Renewals slipped."));
	}

	@Test
	void aSessionRecordsGapsWithThePeopleOfTheTeam() throws Exception {
		String session = openNext(declare(org.managerA()));
		JsonNode gap = read(mvc.perform(json(post("/api/v1/sessions/" + session + "/gaps"), org.managerA(),
				"{\"capabilityId\":\"" + objections.value() + "\",\"note\":\"Price objections\",\"personIds\":[\""
						+ org.learnerA().value() + "\",\"" + org.learnerSubA().value() + "\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.capabilityName").value("Objection handling " + org.suffix()))
			.andExpect(jsonPath("$.people", hasSize(2))));
		mvc.perform(json(post("/api/v1/sessions/" + session + "/gaps"), org.managerA(),
				"{\"capabilityId\":\"" + objections.value() + "\",\"personIds\":[\"" + org.learnerB().value() + "\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.personIds").value("Name people of the team (or of a team below it)."));
		mvc.perform(json(post("/api/v1/sessions/" + session + "/gaps"), org.managerA(), "{\"capabilityId\":\"nope\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.capabilityId").value("Choose a capability of the organization."));
		mvc.perform(json(post("/api/v1/sessions/" + session + "/gaps"), org.managerB(),
				"{\"capabilityId\":\"" + objections.value() + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/sessions/" + session + "/gaps").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].note").value("Price objections"));
		mvc.perform(delete("/api/v1/sessions/" + session + "/gaps/" + gap.get("id").asString())
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/sessions/" + session + "/gaps").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(docs).contains("\"Rituals\"", "\"Interventions\"", "/api/v1/teams/{teamId}/rituals",
				"/api/v1/rituals/{id}", "/api/v1/rituals/{id}/sessions", "/api/v1/sessions/{id}",
				"/api/v1/sessions/{id}/gaps", "/api/v1/sessions/{id}/interventions", "/api/v1/interventions/{id}",
				"/api/v1/interventions", "/api/v1/interventions/{id}/close", "RitualBody", "InterventionBody");
	}

	// --- helpers shared with the intervention tests ---

	String declare(PersonId manager) throws Exception {
		return read(mvc.perform(json(post(rituals(org)), manager, body("QUARTERLY_BUSINESS_REVIEW", "WEEKLY", "UTC", 120,
				30)))
			.andExpect(status().isCreated())).get("id").asString();
	}

	String next(String ritual) throws Exception {
		return read(mvc.perform(get("/api/v1/rituals/" + ritual).header("Authorization", bearer(fixtures.admin().id()))))
			.get("ritual").get("nextStartsAt").asString();
	}

	String openNext(String ritual) throws Exception {
		return read(mvc.perform(json(post("/api/v1/rituals/" + ritual + "/sessions"), org.managerA(),
				"{\"startsAt\":\"" + next(ritual) + "\"}"))
			.andExpect(status().isCreated())).get("id").asString();
	}

	String body(String kind, String cadence, String zone, int duration, int agenda) {
		return "{\"kind\":\"" + kind + "\",\"cadence\":\"" + cadence + "\",\"firstDate\":\""
				+ LocalDate.now(clock).plusDays(1) + "\",\"firstTime\":\"09:00\",\"timeZone\":\"" + zone
				+ "\",\"durationMinutes\":" + duration + ",\"agendaMinutes\":" + agenda + "}";
	}

	private String withRevision(int revision, String name, int duration) {
		return "{\"revision\":" + revision + ",\"kind\":\"QUARTERLY_BUSINESS_REVIEW\",\"name\":\"" + name
				+ "\",\"cadence\":\"QUARTERLY\",\"firstDate\":\"" + LocalDate.now(clock).plusDays(1)
				+ "\",\"firstTime\":\"10:00\",\"durationMinutes\":" + duration + ",\"agendaMinutes\":30}";
	}

	static String rituals(Org org) {
		return "/api/v1/teams/" + org.teamA().value() + "/rituals";
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, PersonId who, String body) {
		return request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
