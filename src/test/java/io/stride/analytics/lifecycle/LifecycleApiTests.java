package io.stride.analytics.lifecycle;

import io.stride.analytics.lifecycle.LifecycleFixtures.Library;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lifecycle and library health API on the fixed library of {@link LifecycleFixtures}: each success and each
 * refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LifecycleApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	LifecycleFixtures fixtures;

	@Autowired
	Fixtures people;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	MovableClock clock;

	Library lib;

	@BeforeEach
	void library() {
		lib = fixtures.library(clock);
	}

	@AfterEach
	void defaultsAndRealTimeAgain() {
		clock.reset();
		var d = LifecycleSettings.DEFAULTS;
		lifecycle.changeSettings(people.admin(), new LifecycleSettings.Change(d.idleDays(), d.popularLearners(),
				d.weakCompletionRate(), d.weakPassRate(), d.weakReactionScore(), lifecycle.settings().revision()));
	}

	@Test
	void anAdminRunsTheProposalsAndTheOwnerDecidesThem() throws Exception {
		mvc.perform(post("/api/v1/lifecycle/proposals/run").header("Authorization", bearer(people.admin().id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.saved").value(greaterThanOrEqualTo(3)));
		String owner = bearer(lib.author());
		JsonNode list = JSON.readTree(mvc.perform(get("/api/v1/lifecycle/proposals").header("Authorization", owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[*].courseId", containsInAnyOrder(lib.idle91().id().value(), lib.never().id().value(),
					lib.popular().id().value())))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String never = idOf(list, lib.never().id().value());
		String popular = idOf(list, lib.popular().id().value());
		// 4 of 10 starters completed: 0.4; 5 of 6 attempts passed: 0.8333
		mvc.perform(get("/api/v1/lifecycle/proposals/" + popular).header("Authorization", owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("REFINE"))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.learners").value(20))
			.andExpect(jsonPath("$.completionRate").value(0.4))
			.andExpect(jsonPath("$.passRate").value(0.8333))
			.andExpect(jsonPath("$.weak[0]").value("COMPLETION"))
			.andExpect(jsonPath("$.analyticsLink").value("/courses/" + lib.popular().id().value() + "/analytics"));
		mvc.perform(post("/api/v1/lifecycle/proposals/" + popular + "/dismiss").header("Authorization", owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISMISSED"))
			.andExpect(jsonPath("$.decidedBy").value(lib.author().value()));
		mvc.perform(post("/api/v1/lifecycle/proposals/" + popular + "/accept").header("Authorization", owner))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/lifecycle/proposals/" + never + "/accept").header("Authorization", owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("ARCHIVE"))
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		mvc.perform(get("/api/v1/courses/" + lib.never().id().value()).header("Authorization", owner))
			.andExpect(jsonPath("$.status").value("RETIRED"));
		mvc.perform(get("/api/v1/lifecycle/proposals").header("Authorization", owner))
			.andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/v1/lifecycle/proposals").param("status", "all").header("Authorization", owner))
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].status").value("OPEN"));
	}

	@Test
	void proposalsAreRefusedToEveryoneButTheirOwnerAndAdmins() throws Exception {
		lifecycle.proposeNew();
		String id = lifecycle.proposals(people.viewer(lib.author()), true).getFirst().id();
		String stranger = bearer(lib.org().managerA());
		mvc.perform(get("/api/v1/lifecycle/proposals")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/lifecycle/proposals/" + id + "/accept")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/lifecycle/proposals").header("Authorization", stranger))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/v1/lifecycle/proposals/" + id).header("Authorization", stranger))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/lifecycle/proposals/" + id + "/accept").header("Authorization", stranger))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/lifecycle/proposals/" + id + "/dismiss").header("Authorization", stranger))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/lifecycle/proposals/no-such-proposal/dismiss").header("Authorization", bearer(lib.author())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/lifecycle/proposals/run").header("Authorization", stranger))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/lifecycle/proposals").param("status", "closed").header("Authorization", stranger))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/lifecycle/proposals/" + id).header("Authorization", bearer(people.admin().id())))
			.andExpect(status().isOk());
	}

	@Test
	void anAdminChangesTheSettings() throws Exception {
		String admin = bearer(people.admin().id());
		int revision = JSON.readTree(mvc.perform(get("/api/v1/lifecycle/settings").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idleDays").value(90))
			.andExpect(jsonPath("$.popularLearners").value(20))
			.andExpect(jsonPath("$.weakCompletionRate").value(0.5))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("revision").asInt();
		mvc.perform(put("/api/v1/lifecycle/settings").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(settings(120, 19, revision)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idleDays").value(120))
			.andExpect(jsonPath("$.revision").value(revision + 1));
		// with 19 learners popular, "nineteen" (1 of 10 completed) is proposed too; with 120 idle days no course
		// published 100 days ago is old enough to be idle, so neither idle91 nor never is proposed for archiving
		lifecycle.proposeNew();
		assertThat(lifecycle.proposals(people.viewer(lib.author()), true)).extracting(p -> p.courseTitle())
			.containsExactlyInAnyOrder(lib.popular().title(), lib.nineteen().title());
		mvc.perform(put("/api/v1/lifecycle/settings").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(settings(90, 20, revision)))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/lifecycle/settings")).andExpect(status().isUnauthorized());
	}

	@Test
	void invalidSettingsAreRefusedWithAnErrorPerField() throws Exception {
		int revision = lifecycle.settings().revision();
		mvc.perform(put("/api/v1/lifecycle/settings").header("Authorization", bearer(people.admin().id()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"idleDays\":0,\"popularLearners\":20,\"weakCompletionRate\":1.5,\"weakPassRate\":0.5,"
					+ "\"weakReactionScore\":-101,\"revision\":" + revision + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.idleDays").exists())
			.andExpect(jsonPath("$.errors.weakCompletionRate").exists())
			.andExpect(jsonPath("$.errors.weakReactionScore").exists())
			.andExpect(jsonPath("$.errors.popularLearners").doesNotExist());
		mvc.perform(put("/api/v1/lifecycle/settings").header("Authorization", bearer(lib.author()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(settings(90, 20, revision)))
			.andExpect(status().isForbidden());
		assertThat(lifecycle.settings().revision()).isEqualTo(revision);
	}

	@Test
	void theLibraryHealthIsCountedForTheCaller() throws Exception {
		// the owner's 8 courses: 1 draft, 7 published (none retired here); published T0 except young
		mvc.perform(get("/api/v1/analytics/library-health").header("Authorization", bearer(lib.author())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scope").value("mine"))
			.andExpect(jsonPath("$.idleDays").value(90))
			.andExpect(jsonPath("$.total").value(8))
			.andExpect(jsonPath("$.byState.DRAFT").value(1))
			.andExpect(jsonPath("$.byState.PUBLISHED").value(7))
			.andExpect(jsonPath("$.byAge.UNDER_3_MONTHS").value(1))
			.andExpect(jsonPath("$.byUse.OPENED").value(4))
			.andExpect(jsonPath("$.byUse.IDLE").value(3))
			.andExpect(jsonPath("$.openProposals.ARCHIVE").value(0))
			.andExpect(jsonPath("$.courses", hasSize(0)));
		mvc.perform(get("/api/v1/analytics/library-health").param("use", "IDLE").header("Authorization", bearer(lib.author())))
			.andExpect(jsonPath("$.courses[*].title", containsInAnyOrder(lib.idle91().title(), lib.never().title(),
					lib.young().title())));
		mvc.perform(get("/api/v1/analytics/library-health").header("Authorization", bearer(people.admin().id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scope").value("organization"));
		mvc.perform(get("/api/v1/analytics/library-health").param("age", "ancient").header("Authorization", bearer(lib.author())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.age").exists());
		mvc.perform(get("/api/v1/analytics/library-health")).andExpect(status().isUnauthorized());
	}

	@Test
	void theEndpointsAreInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/analytics/library-health", "/api/v1/lifecycle/proposals",
				"/api/v1/lifecycle/proposals/{id}/accept", "/api/v1/lifecycle/proposals/{id}/dismiss",
				"/api/v1/lifecycle/settings", "LifecycleProposalView", "LifecycleSettingsBody", "LibraryHealthView");
	}

	private static String settings(int idleDays, int popular, int revision) {
		return "{\"idleDays\":" + idleDays + ",\"popularLearners\":" + popular + ",\"weakCompletionRate\":0.5,"
				+ "\"weakPassRate\":0.5,\"weakReactionScore\":0,\"revision\":" + revision + "}";
	}

	private static String idOf(JsonNode list, String courseId) {
		for (JsonNode p : list) {
			if (p.get("courseId").asString().equals(courseId)) {
				return p.get("id").asString();
			}
		}
		throw new AssertionError("no proposal for " + courseId);
	}

	private String bearer(PersonId person) {
		return "Bearer " + people.token(person);
	}
}
