package io.stride.capability;

import java.util.Set;

import io.stride.authoring.Course;
import io.stride.capability.internal.Holdings;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.mastery.Checklists;
import io.stride.shared.Ids;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue through the API: each endpoint's answer, and each refusal as a problem detail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CapabilityApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	// the levels people hold are the engine's (its own tests); checklist tasks come from the mastery module
	@MockitoBean
	Holdings holdings;

	@MockitoBean
	Checklists checklists;

	Org org;

	Course course;

	PersonId admin;

	PersonId reviewer;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		admin = fixtures.admin().id();
		reviewer = fixtures.person(fixtures.admin(), "L&D Reviewer", "reviewer", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Running an EBR " + org.suffix());
	}

	@Test
	void aKeeperCreatesACapabilityAndEveryoneReadsIt() throws Exception {
		ResultActions created = mvc.perform(json(post("/api/v1/capabilities"), reviewer, body("Run an EBR", null)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Run an EBR " + org.suffix()))
			.andExpect(jsonPath("$.category").value("Customer Success"))
			.andExpect(jsonPath("$.ownerTeamId").isEmpty())
			.andExpect(jsonPath("$.validityMonths").value(24))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.levels", hasSize(3)))
			.andExpect(jsonPath("$.levels[1].rank").value(2))
			.andExpect(jsonPath("$.levels[1].name").value("Can do it alone"))
			.andExpect(jsonPath("$.rules[0].level").value(2))
			.andExpect(jsonPath("$.rules[0].kind").value("COURSE_MASTERED"))
			.andExpect(jsonPath("$.rules[0].courseId").value(course.id().value()))
			.andExpect(jsonPath("$.rules[0].currentVersion").value(true))
			.andExpect(jsonPath("$.rules[0].label").value("Mastered “Running an EBR " + org.suffix() + "” (current version)"))
			.andExpect(jsonPath("$.rules[1].label").value("Validated by 2 people who hold the level"));
		String id = read(created).get("id").asString();
		created.andExpect(header().string("Location", "/api/v1/capabilities/" + id));

		mvc.perform(get("/api/v1/capabilities/" + id).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));
		mvc.perform(get("/api/v1/capabilities").param("q", org.suffix()).param("category", "customer success")
				.header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(id));
		mvc.perform(get("/api/v1/capabilities/" + Ids.newId()).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/capabilities/not-an-id").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/capabilities")).andExpect(status().isUnauthorized());
	}

	@Test
	void creatingIsRefusedToThoseWhoMayNotAndForBadInput() throws Exception {
		mvc.perform(json(post("/api/v1/capabilities"), org.learnerA(), body("Run an EBR", org.teamA().value())))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/capabilities"), org.managerA(), body("Run an EBR", null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.ownerTeamId").isString());
		mvc.perform(json(post("/api/v1/capabilities"), org.managerA(), body("Run an EBR", org.teamA().value())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerTeamName").value("Team A " + org.suffix()));
		mvc.perform(json(post("/api/v1/capabilities"), admin, """
				{"name": "", "category": "Sales", "validityMonths": 0, "levels": ["A", "B", "C", "D", "E", "F"],
				 "rules": [{"level": 1, "kind": "COURSE_MASTERED"}, {"level": 1, "kind": "WISHFUL_THINKING"}]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['rules[1]']").value(containsString("COURSE_MASTERED")));
		mvc.perform(json(post("/api/v1/capabilities"), admin, """
				{"name": "", "category": "Sales", "validityMonths": 0, "levels": ["A", "B", "C", "D", "E", "F"],
				 "rules": [{"level": 1, "kind": "COURSE_MASTERED"}]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").isString())
			.andExpect(jsonPath("$.errors.validityMonths").isString())
			.andExpect(jsonPath("$.errors.levels").value("A capability has at most 5 levels."))
			.andExpect(jsonPath("$.errors['rules[0]']").value("Choose a published course."));
		mvc.perform(json(post("/api/v1/capabilities"), admin, "{\"name\": \"X\", \"validityMonths\": \"soon\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.validityMonths").isString());
	}

	@Test
	void replacingNeedsTheLatestRevisionAndAKeeper() throws Exception {
		String id = create(body("Run an EBR", null));
		mvc.perform(json(put("/api/v1/capabilities/" + id), org.managerA(), withRevision(body("Run a QBR", null), 1)))
			.andExpect(status().isForbidden());
		mvc.perform(json(put("/api/v1/capabilities/" + id), reviewer, body("Run a QBR", null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").isString());
		mvc.perform(json(put("/api/v1/capabilities/" + id), reviewer, withRevision(body("Run a QBR", null), 1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Run a QBR " + org.suffix()))
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(json(put("/api/v1/capabilities/" + id), admin, withRevision(body("Run an EBR", null), 1)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(Capabilities.CONFLICT_MESSAGE));
		mvc.perform(json(put("/api/v1/capabilities/" + Ids.newId()), admin, withRevision(body("Run an EBR", null), 1)))
			.andExpect(status().isNotFound());
	}

	@Test
	void levelsAndRulesHaveTheirOwnEndpoints() throws Exception {
		String id = create(body("Run an EBR", null));
		mvc.perform(get("/api/v1/capabilities/" + id + "/levels").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.levels[*].name").value(contains("Learning", "Can do it alone", "Can teach it")));
		mvc.perform(json(put("/api/v1/capabilities/" + id + "/levels"), admin,
				"{\"revision\": 1, \"levels\": [\"Aware\", \"Practitioner\", \"Expert\", \"Coach\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.levels[3].name").value("Coach"));
		mvc.perform(json(put("/api/v1/capabilities/" + id + "/levels"), admin, "{\"revision\": 2, \"levels\": [\"Aware\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['rules[0]']").value("Choose one of the capability's levels (1 to 1)."));
		mvc.perform(json(put("/api/v1/capabilities/" + id + "/levels"), org.learnerA(), "{\"revision\": 2, \"levels\": []}"))
			.andExpect(status().isForbidden());

		mvc.perform(get("/api/v1/capabilities/" + id + "/rules").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules", hasSize(2)));
		mvc.perform(json(put("/api/v1/capabilities/" + id + "/rules"), admin, """
				{"revision": 2, "rules": [{"level": 4, "kind": "CERTIFICATE", "certificateName": "ITIL 4 Foundation"},
				 {"level": 3, "kind": "SPACED_REVIEWS", "courseId": "%s", "count": 3}]}""".formatted(course.id().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(3))
			.andExpect(jsonPath("$.rules[0].label").value("3 successful spaced reviews of “Running an EBR " + org.suffix() + "”"))
			.andExpect(jsonPath("$.rules[1].label").value("A confirmed certificate: ITIL 4 Foundation"));
		mvc.perform(json(put("/api/v1/capabilities/" + id + "/rules"), admin,
				"{\"revision\": 2, \"rules\": []}"))
			.andExpect(status().isConflict());
		mvc.perform(json(put("/api/v1/capabilities/" + id + "/rules"), admin,
				"{\"revision\": 3, \"rules\": [{\"level\": 1, \"kind\": \"VALIDATIONS\", \"count\": 50}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['rules[0]']").value("Ask for validation by 1 to 20 people."));
	}

	@Test
	void deletingRetiresAndRestoreBringsItBack() throws Exception {
		String id = create(body("Run an EBR", null));
		mvc.perform(delete("/api/v1/capabilities/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/capabilities/" + id).header("Authorization", bearer(reviewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETIRED"));
		mvc.perform(get("/api/v1/capabilities").param("q", org.suffix()).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/v1/capabilities").param("q", org.suffix()).param("includeRetired", "true")
				.header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/v1/capabilities/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETIRED"));
		mvc.perform(post("/api/v1/capabilities/" + id + "/restore").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/capabilities/" + id + "/restore").header("Authorization", bearer(reviewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		mvc.perform(post("/api/v1/capabilities/" + Ids.newId() + "/restore").header("Authorization", bearer(reviewer)))
			.andExpect(status().isNotFound());
	}

	@Test
	void mergingPointsTheOneToTheOther() throws Exception {
		String from = create(body("Run an EBR", null));
		String into = create(body("Run an executive business review", null));
		mvc.perform(json(post("/api/v1/capabilities/" + from + "/merge"), admin, "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.into").isString());
		mvc.perform(json(post("/api/v1/capabilities/" + from + "/merge"), admin, "{\"into\": \"" + from + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.into").isString());
		mvc.perform(json(post("/api/v1/capabilities/" + from + "/merge"), admin, "{\"into\": \"" + Ids.newId() + "\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(json(post("/api/v1/capabilities/" + from + "/merge"), org.managerA(), "{\"into\": \"" + into + "\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/capabilities/" + from + "/merge"), admin, "{\"into\": \"" + into + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(into));
		mvc.perform(get("/api/v1/capabilities/" + from).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.status").value("RETIRED"))
			.andExpect(jsonPath("$.mergedInto").value(into));
		mvc.perform(json(post("/api/v1/capabilities/" + into + "/merge"), admin, "{\"into\": \"" + from + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.into").value(containsString("is retired")));
	}

	private String body(String name, String ownerTeamId) {
		return """
				{"name": "%s %s", "description": "Quarterly, with the customer's executives.", "category": "Customer Success",
				 "ownerTeamId": %s, "validityMonths": 24, "levels": [],
				 "rules": [{"level": 2, "kind": "COURSE_MASTERED", "courseId": "%s", "currentVersion": true},
				           {"level": 3, "kind": "VALIDATIONS", "count": 2}]}"""
			.formatted(name, org.suffix(), ownerTeamId == null ? "null" : "\"" + ownerTeamId + "\"", course.id().value());
	}

	private static String withRevision(String body, int revision) {
		return body.substring(0, body.lastIndexOf('}')) + ", \"revision\": " + revision + "}";
	}

	private String create(String body) throws Exception {
		return read(mvc.perform(json(post("/api/v1/capabilities"), admin, body)).andExpect(status().isCreated()))
			.get("id")
			.asString();
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
