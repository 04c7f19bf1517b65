package io.stride.identity;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Controllers take the acting person as a {@link Viewer} argument: the signed-in person arrives, an account
 * deactivated since signing in is refused as before, and the argument is no parameter of the API's document.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ViewerArgumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void aHandlerGetsTheSignedInPerson() throws Exception {
		mvc.perform(get("/api/v1/me").with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(org.learnerA().value())));
	}

	@Test
	void anAccountDeactivatedSinceSigningInIsRefused() throws Exception {
		var session = SignedIn.as(fixtures.viewerPerson(org.learnerB()));
		jdbc.sql("UPDATE people SET active = FALSE WHERE id = ?").param(org.learnerB().value()).update();
		mvc.perform(get("/api/v1/me").with(session)).andExpect(status().isUnauthorized());
		mvc.perform(get("/profile").with(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void theViewerIsNoParameterOfTheApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(docs).doesNotContain("\"name\":\"me\"")
			.doesNotContain("\"name\":\"viewer\"")
			.doesNotContain("\"name\":\"signedIn\"")
			.doesNotContain("\"Viewer\"");
	}
}
