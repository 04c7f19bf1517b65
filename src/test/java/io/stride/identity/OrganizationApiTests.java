package io.stride.identity;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class OrganizationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void signInGivesATokenThatActsAsThePerson() throws Exception {
		String body = mvc.perform(json(post("/api/v1/auth/token"),
				"{\"email\":\"" + org.email("learner-a").toUpperCase() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.expiresAt").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(org.learnerA().value()))
			.andExpect(jsonPath("$.email").value(org.email("learner-a")))
			.andExpect(jsonPath("$.teamIds[0]").value(org.teamA().value()));
	}

	@Test
	void manyPeopleSigningInFromOneOfficeAddressAreNeverLockedOut() throws Exception {
		java.util.function.UnaryOperator<org.springframework.mock.web.MockHttpServletRequest> fromOffice = request -> {
			request.setRemoteAddr("10.77.0." + (org.suffix().hashCode() & 0x7f));
			return request;
		};
		for (int i = 0; i < 60; i++) {
			String handle = i % 2 == 0 ? "learner-a" : "learner-b";
			mvc.perform(json(post("/api/v1/auth/token").with(fromOffice::apply),
					"{\"email\":\"" + org.email(handle) + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
				.andExpect(status().isCreated());
		}
	}

	@Test
	void apiNeedsAValidBearerToken() throws Exception {
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer stride_not-a-real-token-at-all"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail", containsString("unknown, expired or revoked")));
	}

	@Test
	void adminCreatesTeamsAndPeople() throws Exception {
		String admin = "Bearer " + fixtures.token(fixtures.admin().id());
		String teamId = idOf(mvc.perform(json(post("/api/v1/teams").header("Authorization", admin),
				"{\"name\":\"Finance " + org.suffix() + "\",\"parentId\":\"" + org.teamA().value() + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String personId = idOf(mvc.perform(json(post("/api/v1/people").header("Authorization", admin),
				"{\"name\":\"Fran\",\"email\":\"fran-" + org.suffix() + "@stride.test\",\"password\":\"long-enough-pw\","
						+ "\"teamIds\":[\"" + teamId + "\"],\"manages\":[\"" + teamId + "\"],\"roles\":[\"REVIEWER\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		mvc.perform(get("/api/v1/people/" + personId).header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.manages", hasItem(teamId)))
			.andExpect(jsonPath("$.roles", hasItem("REVIEWER")));
		// manager A manages the new team's parent, so sees Fran too
		mvc.perform(get("/api/v1/people/" + personId).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
	}

	@Test
	void invalidOrDuplicatePeopleAreRefusedWithFieldErrors() throws Exception {
		String admin = "Bearer " + fixtures.token(fixtures.admin().id());
		mvc.perform(json(post("/api/v1/people").header("Authorization", admin),
				"{\"name\":\"\",\"email\":\"" + org.email("learner-a") + "\",\"password\":\"short\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.email", containsString("already")))
			.andExpect(jsonPath("$.errors.password").exists());
		mvc.perform(json(post("/api/v1/teams").header("Authorization", admin), "{\"name\":\"Team A " + org.suffix() + "\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(json(post("/api/v1/teams").header("Authorization", admin), "{not json"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void onlyAdminsChangeTheOrganization() throws Exception {
		mvc.perform(json(post("/api/v1/teams").header("Authorization", bearer(org.managerA())), "{\"name\":\"Rogue\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/people").header("Authorization", bearer(org.learnerA())),
				"{\"name\":\"X\",\"email\":\"x-" + org.suffix() + "@stride.test\",\"password\":\"long-enough-pw\",\"roles\":[\"ADMIN\"]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void managerSeesOwnTeamsPeopleIncludingSubTeamsButNotOtherTeams() throws Exception {
		String managerA = bearer(org.managerA());
		mvc.perform(get("/api/v1/people/" + org.learnerA().value()).header("Authorization", managerA))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/people/" + org.learnerSubA().value()).header("Authorization", managerA))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/people/" + org.learnerB().value()).header("Authorization", managerA))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/people/" + org.managerB().value()).header("Authorization", managerA))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/people/not-even-an-id").header("Authorization", managerA))
			.andExpect(status().isNotFound());
	}

	@Test
	void learnerSeesOnlyThemselves() throws Exception {
		String learner = bearer(org.learnerA());
		mvc.perform(get("/api/v1/people/" + org.learnerA().value()).header("Authorization", learner))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/people/" + org.learnerSubA().value()).header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/people/" + org.managerA().value()).header("Authorization", learner))
			.andExpect(status().isNotFound());
		String teams = mvc.perform(get("/api/v1/teams").header("Authorization", learner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(teams).isEqualTo("[]");
	}

	@Test
	void theFirstAdminComesFromTheEnvironment() throws Exception {
		mvc.perform(json(post("/api/v1/auth/token"),
				"{\"email\":\"" + Fixtures.ADMIN_EMAIL + "\",\"password\":\"admin-password-for-tests\"}"))
			.andExpect(status().isCreated());
		assertThat(fixtures.admin().isAdmin()).isTrue();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static String idOf(String json) {
		return json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}
}
