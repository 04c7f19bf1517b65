package io.stride.identity;

import jakarta.servlet.http.Cookie;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ProfileTests {

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
	void personChangesTheirPasswordOnlyWithTheCurrentOne() throws Exception {
		var me = SignedIn.as(fixtures.viewerPerson(org.learnerA()));
		mvc.perform(post("/profile/password").with(me).with(csrf())
				.param("currentPassword", "not-my-password").param("newPassword", "short").param("confirmation", "other"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")))
			.andExpect(content().string(containsString("id=\"newPassword-error\"")))
			.andExpect(content().string(containsString("id=\"confirmation-error\"")));
		mvc.perform(post("/profile/password").with(me).with(csrf())
				.param("currentPassword", Fixtures.PASSWORD).param("newPassword", "a-brand-new-password")
				.param("confirmation", "a-brand-new-password"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Your password was changed. Your other sessions were signed out."));
		signIn(org.email("learner-a"), Fixtures.PASSWORD).andExpect(status().isUnauthorized());
		signIn(org.email("learner-a"), "a-brand-new-password").andExpect(status().isCreated());
	}

	@Test
	void personalAccessTokenIsShownOnceWorksAndCanBeRevoked() throws Exception {
		var me = SignedIn.as(fixtures.viewerPerson(org.learnerA()));
		MvcResult created = mvc.perform(post("/profile/tokens").with(me).with(csrf()).param("name", "HR sync").param("days", "30"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String token = (String) created.getFlashMap().get("newToken");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(org.learnerA().value())));
		String page = mvc.perform(get("/profile").with(me)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("HR sync").doesNotContain(token);
		String tokenId = page.replaceAll("(?s).*action=\"/profile/tokens/([^/]+)/revoke\".*", "$1");
		mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(me).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		// someone else cannot revoke it
		mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(SignedIn.as(fixtures.viewerPerson(org.learnerB()))).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void changingThePasswordSignsOutTheOtherSessionsAndOffersToRevokeTokens() throws Exception {
		Cookie laptop = signInWithTheForm(org.email("learner-a"), Fixtures.PASSWORD);
		Cookie phone = signInWithTheForm(org.email("learner-a"), Fixtures.PASSWORD);
		mvc.perform(get("/learning").cookie(phone)).andExpect(status().isOk());
		String token = (String) mvc.perform(post("/profile/tokens").cookie(laptop).with(csrf()).param("name", "HR sync"))
			.andReturn()
			.getFlashMap()
			.get("newToken");
		mvc.perform(get("/profile").cookie(laptop)).andExpect(status().isOk());
		mvc.perform(post("/profile/password").cookie(laptop).with(csrf())
				.param("currentPassword", Fixtures.PASSWORD).param("newPassword", "a-brand-new-password")
				.param("confirmation", "a-brand-new-password"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/learning").cookie(phone))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?passwordChanged"));
		mvc.perform(get("/login").param("passwordChanged", ""))
			.andExpect(content().string(containsString("Your password was changed, so this session was signed out.")));
		mvc.perform(get("/learning").cookie(laptop)).andExpect(status().isOk());
		mvc.perform(get("/profile").cookie(laptop))
			.andExpect(content().string(containsString("Your other sessions were signed out.")))
			.andExpect(content().string(containsString("Revoke all my personal access tokens")));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(post("/profile/tokens/revoke-all").cookie(laptop).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "All your personal access tokens were revoked."));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	/**
	 * The session cookie a browser keeps: sessions live in the database, found by it on every request. Without a web
	 * server (MockMvc) Spring Session gives the cookie its own name; SessionCookieTests checks the real one.
	 */
	private Cookie signInWithTheForm(String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").with(csrf()).param("email", email).param("password", password))
			.andExpect(redirectedUrl("/learning"))
			.andReturn();
		Cookie[] cookies = result.getResponse().getCookies();
		assertThat(cookies).hasSize(1);
		return cookies[0];
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String email, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
	}
}
