package io.stride.web;

import io.stride.identity.Organization;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * NUL and the other control characters are refused in every form, however the page binds it, with a page that names
 * the field: H2 used to store them, and PostgreSQL refused NUL with a page that named nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ControlCharactersInFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organization organization;

	Org org;

	RequestPostProcessor admin;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		admin = SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()));
	}

	@Test
	void aTeamNameWithANulIsRefusedNamingTheFieldAndNotStored() throws Exception {
		String name = "Night shift " + org.suffix();
		Document page = refused(mvc.perform(post("/admin/teams").with(admin).with(csrf()).param("name", name + "\u0000")));
		assertThat(page.select("li").eachText()).anySatisfy(item -> assertThat(item).startsWith("name:"));
		assertThat(organization.allTeams()).noneMatch(team -> team.name().startsWith(name));
	}

	@Test
	void aPersonsNameWithABellIsRefusedNamingTheFieldAndNoOneIsAdded() throws Exception {
		String email = org.email("bell");
		Document page = refused(mvc.perform(post("/admin/people").with(admin).with(csrf())
			.param("name", "Bell\u0007 Ringer").param("email", email).param("password", Fixtures.PASSWORD)));
		assertThat(page.select("li").eachText()).anySatisfy(item -> assertThat(item).startsWith("name:"));
		assertThat(Jsoup.parse(mvc.perform(get("/admin/people").param("q", email).with(admin))
			.andReturn().getResponse().getContentAsString()).text()).doesNotContain("Ringer");
	}

	@Test
	void aTokenNameWithAControlCharacterIsRefusedAndNoTokenIsIssued() throws Exception {
		var me = SignedIn.as(fixtures.viewerPerson(org.learnerA()));
		Document page = refused(mvc.perform(post("/profile/tokens").with(me).with(csrf())
			.param("name", "HR\u0000sync " + org.suffix()).param("days", "30")));
		assertThat(page.select("li").eachText()).anySatisfy(item -> assertThat(item).startsWith("name:"));
		assertThat(mvc.perform(get("/profile").with(me)).andReturn().getResponse().getContentAsString())
			.doesNotContain("sync " + org.suffix());
	}

	@Test
	void anApiPathOrQueryWithAControlCharacterIsAProblemDetailNamingIt() throws Exception {
		String bearer = "Bearer " + fixtures.token(org.managerA());
		mvc.perform(get("/api/v1/courses/{id}", "abc\u0001").header("Authorization", bearer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.id").exists());
		mvc.perform(get("/api/v1/analytics/needs-attention").param("courseId", "abc\u0001").header("Authorization", bearer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").exists());
	}

	private static Document refused(ResultActions result) throws Exception {
		Document page = Jsoup.parse(result.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("h1").text()).isEqualTo("Not saved");
		assertThat(page.text()).contains("control character");
		return page;
	}
}
