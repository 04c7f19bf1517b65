package io.stride.web;

import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@SpringBootTest(properties = "logging.level.io.stride.shared.web.RequestLogging=INFO")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingTests {

	@Autowired
	MockMvc mvc;

	@Test
	void requestsAreLoggedByRouteWithoutPersonalDataOrSecrets(CapturedOutput output) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + Fixtures.ADMIN_EMAIL + "\",\"password\":\"admin-password-for-tests\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/people/some-id?email=someone@stride.test").header("Authorization", "Bearer " + token));
		assertThat(output.getOut()).contains("POST /api/v1/auth/token 201", "GET /api/v1/people/{id} 404")
			.doesNotContain(Fixtures.ADMIN_EMAIL, "admin-password-for-tests", token, "someone@stride.test", "some-id");
	}
}
