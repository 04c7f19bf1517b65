package io.stride.capability;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coverage API: a person's capabilities, targets, coverage with the forecast, the matrix, the risk report and
 * snapshots; each endpoint's answer and its refusals (404 for those it is not for, 422 with the field for bad input).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CoverageApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	Reviews reviews;

	@Autowired
	MovableClock clock;

	Org org;

	LocalDate today;

	CapabilityId escalations;

	@BeforeEach
	void organization() {
		clock.reset();
		today = LocalDate.now(ZoneOffset.UTC);
		org = fixtures.organization();
		escalations = rows.capability("Complex escalations " + org.suffix(), "Customer Success " + org.suffix(), org.managerA());
		rows.holds(org.learnerA(), escalations, 2, null);
		rows.holds(org.learnerSubA(), escalations, 2, null);
		rows.target(org.teamA(), escalations, 2, 2, org.managerA());
		rows.absence(org.learnerA(), today.plusDays(10), today.plusDays(20), "LEAVE");
	}

	@Test
	void aPersonsCapabilitiesAreTheirsTheirManagersAndNobodyElses() throws Exception {
		String path = "/api/v1/people/" + org.learnerA().value() + "/capabilities";
		mvc.perform(as(get(path), org.learnerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.personId").value(org.learnerA().value()))
			.andExpect(jsonPath("$.capabilities[?(@.capabilityId == '" + escalations.value() + "')].level.name").value(hasItem("Can do it alone")));
		mvc.perform(as(get(path), org.managerA())).andExpect(status().isOk());
		mvc.perform(as(get(path), org.learnerB())).andExpect(status().isNotFound());
		mvc.perform(as(get(path), org.managerB())).andExpect(status().isNotFound());
	}

	@Test
	void targetsAreSetWithAWarningAboveTheTeamsSizeRefusedAtTheFieldAndRemoved() throws Exception {
		String targets = "/api/v1/teams/" + org.subTeamA().value() + "/capability-targets";
		mvc.perform(as(get(targets), org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].inherited").value(true))
			.andExpect(jsonPath("$[0].setOn").value(org.teamA().value()));

		String one = targets + "/" + escalations.value();
		mvc.perform(as(put(one), org.managerA()).contentType(MediaType.APPLICATION_JSON).content("{\"level\":2,\"minPeople\":3}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minPeople").value(3))
			.andExpect(jsonPath("$.level.rank").value(2))
			.andExpect(jsonPath("$.level.name").value("Can do it alone"))
			.andExpect(jsonPath("$.inherited").value(false))
			.andExpect(jsonPath("$.members").value(1))
			.andExpect(jsonPath("$.warning").value(notNullValue()));
		mvc.perform(as(put(one), org.managerA()).contentType(MediaType.APPLICATION_JSON).content("{\"level\":2,\"minPeople\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.minPeople").value(notNullValue()));
		mvc.perform(as(put(one), org.managerA()).contentType(MediaType.APPLICATION_JSON).content("{\"level\":9,\"minPeople\":1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.level").value(notNullValue()));
		mvc.perform(as(put(one), org.learnerSubA()).contentType(MediaType.APPLICATION_JSON).content("{\"level\":2,\"minPeople\":1}"))
			.andExpect(status().isNotFound());
		mvc.perform(as(put(one), org.managerB()).contentType(MediaType.APPLICATION_JSON).content("{\"level\":2,\"minPeople\":1}"))
			.andExpect(status().isNotFound());
		mvc.perform(as(get(targets), org.learnerSubA())).andExpect(status().isNotFound());

		mvc.perform(as(delete(one), org.managerB())).andExpect(status().isNotFound());
		mvc.perform(as(delete(one), org.managerA())).andExpect(status().isNoContent());
		mvc.perform(as(get(targets), org.managerA()))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].inherited").value(true));
	}

	@Test
	void coverageSaysWhoIsQualifiedAndWhenTheTeamFallsShort() throws Exception {
		String path = "/api/v1/teams/" + org.teamA().value() + "/coverage";
		mvc.perform(as(get(path), org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.team.id").value(org.teamA().value()))
			.andExpect(jsonPath("$.on").value(today.toString()))
			.andExpect(jsonPath("$.members").value(3))
			.andExpect(jsonPath("$.capabilities[0].capabilityId").value(escalations.value()))
			.andExpect(jsonPath("$.capabilities[0].status").value("AT_RISK"))
			.andExpect(jsonPath("$.capabilities[0].busFactor").value(0))
			.andExpect(jsonPath("$.capabilities[0].level.name").value("Can do it alone"))
			.andExpect(jsonPath("$.capabilities[0].target.minPeople").value(2))
			.andExpect(jsonPath("$.capabilities[0].qualified", hasSize(2)))
			.andExpect(jsonPath("$.capabilities[0].forecast[0].from").value(today.plusDays(10).toString()))
			.andExpect(jsonPath("$.capabilities[0].forecast[0].to").value(today.plusDays(20).toString()))
			.andExpect(jsonPath("$.capabilities[0].forecast[0].reasons[0]").value("Learner on leave"))
			.andExpect(jsonPath("$.capabilities[0].summary").value(containsString("bus factor 0")));
		mvc.perform(as(get(path + "?on=" + today.plusDays(15)), org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capabilities[0].status").value("SHORT"));
		mvc.perform(as(get(path + "?on=" + today.plusDays(200)), org.managerA()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(as(get(path + "?on=soon"), org.managerA()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.on").value(notNullValue()));
		mvc.perform(as(get(path), org.learnerA())).andExpect(status().isNotFound());
		mvc.perform(as(get(path), org.managerB())).andExpect(status().isNotFound());
	}

	@Test
	void theMatrixIsJsonOrCsvForTheTeamsManagers() throws Exception {
		rows.selfAssessment(org.learnerA(), escalations, 3, "I trained the new starters.");
		String path = "/api/v1/teams/" + org.teamA().value() + "/capability-matrix";
		mvc.perform(as(get(path), org.managerA()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.team.id").value(org.teamA().value()))
			.andExpect(jsonPath("$.columns[?(@.capabilityId == '" + escalations.value() + "')].status").value(hasItem("AT_RISK")))
			.andExpect(jsonPath("$.rows[?(@.personId == '" + org.learnerA().value() + "')].cells[0].level.name").value(hasItem("Can do it alone")))
			.andExpect(jsonPath("$.rows[?(@.personId == '" + org.learnerA().value() + "')].cells[0].selfAssessed.name").value(hasItem("Can teach it")));
		mvc.perform(as(get(path), org.managerA()).accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string(startsWith("\"person\",\"Complex escalations " + org.suffix() + "\"")));
		mvc.perform(as(get(path + "?status=SOMETIMES"), org.managerA())).andExpect(status().isUnprocessableContent());
		mvc.perform(as(get(path), org.learnerA())).andExpect(status().isNotFound());
		mvc.perform(as(get(path), org.managerB()).accept("text/csv")).andExpect(status().isNotFound());
	}

	@Test
	void theRiskReportIsForAdminsAndLearningAndDevelopment() throws Exception {
		PersonId ld = fixtures.person(fixtures.admin(), "L&D reviewer", "ld", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), Role.REVIEWER);
		reviews.setUp(fixtures.admin(), ld, "", true, false);
		String path = "/api/v1/analytics/capability-risk";
		mvc.perform(as(get(path), ld))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.on").value(today.toString()))
			.andExpect(jsonPath("$.capabilities[?(@.capabilityId == '" + escalations.value() + "')].teams[*].teamId").value(hasItem(org.teamA().value())));
		mvc.perform(as(get(path), fixtures.admin().id()).accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(startsWith("capability,category,team,status")))
			.andExpect(content().string(containsString("\"Complex escalations " + org.suffix() + "\"")));
		mvc.perform(as(get(path), org.managerA())).andExpect(status().isNotFound());
		mvc.perform(as(get(path), org.learnerA()).accept("text/csv")).andExpect(status().isNotFound());
	}

	@Test
	void aSnapshotIsTakenOnDemandAndOnlyByTheTeamsManagers() throws Exception {
		String path = "/api/v1/teams/" + org.teamA().value() + "/coverage/snapshots";
		mvc.perform(as(post(path), org.managerA()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.rows").value(greaterThanOrEqualTo(1)));
		mvc.perform(as(post(path), org.learnerA())).andExpect(status().isNotFound());
		mvc.perform(as(post(path), org.managerB())).andExpect(status().isNotFound());
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("Capability coverage", "/api/v1/people/{id}/capabilities",
				"/api/v1/teams/{id}/capability-targets", "/api/v1/teams/{id}/capability-targets/{capabilityId}",
				"/api/v1/teams/{id}/coverage", "/api/v1/teams/{id}/coverage/snapshots", "/api/v1/teams/{id}/capability-matrix",
				"/api/v1/analytics/capability-risk", "CapabilityCoverageView", "busFactor", "text/csv");
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, PersonId who) {
		return request.header("Authorization", "Bearer " + fixtures.token(who));
	}
}
