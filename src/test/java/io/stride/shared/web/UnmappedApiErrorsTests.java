package io.stride.shared.web;

import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API paths nobody answers, and methods a path does not take, are problem details like every other API error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnmappedApiErrorsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anUnknownApiPathIsAProblemDetail() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", bearer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail", containsString("no such API path")));
	}

	@Test
	void aMethodAPathDoesNotTakeIsAProblemDetailNamingThoseItTakes() throws Exception {
		mvc.perform(delete("/api/v1/courses/some-course").header("Authorization", bearer()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Allow", containsString("GET")))
			.andExpect(jsonPath("$.detail", containsString("does not take DELETE")));
	}

	@Test
	void anUnknownPageIsStillThePageNotFound() throws Exception {
		mvc.perform(get("/no-such-page").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user("someone")))
			.andExpect(status().isNotFound())
			// left to the error page (MockMvc renders none, so no body and no problem detail)
			.andExpect(result -> org.assertj.core.api.Assertions
				.assertThat(String.valueOf(result.getResponse().getContentType()))
				.doesNotContain("problem"));
	}

	private String bearer() {
		return "Bearer " + fixtures.token(fixtures.admin().id());
	}
}
