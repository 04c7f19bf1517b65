package io.stride.audit;

import java.time.LocalDate;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RiskTierAndAuditTests {

	private static final String GDPR = """
			{"title":"%s","lessons":[{"title":"L","markdown":"Report a personal data breach to the DPO within 24 hours."}]%s}
			""";

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
	void strideSuggestsTheTierAndALowerOneNeedsAReason() throws Exception {
		String author = "Bearer " + fixtures.token(org.managerA());
		String suggested = mvc.perform(post("/api/v1/courses").header("Authorization", author).contentType(MediaType.APPLICATION_JSON)
				.content(GDPR.formatted("Breaches " + org.suffix(), "")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/courses/" + suggested).header("Authorization", author))
			.andExpect(jsonPath("$.riskTier").value("HIGH"));
		mvc.perform(post("/api/v1/courses").header("Authorization", author).contentType(MediaType.APPLICATION_JSON)
				.content(GDPR.formatted("Lowered " + org.suffix(), ",\"riskTier\":\"LOW\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.tierReason", containsString("personal data")));
		String lowered = mvc.perform(post("/api/v1/courses").header("Authorization", author).contentType(MediaType.APPLICATION_JSON)
				.content(GDPR.formatted("Lowered " + org.suffix(), ",\"riskTier\":\"LOW\",\"tierReason\":\"Only a pointer to the real policy\"")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		mvc.perform(post("/api/v1/courses/" + lowered + "/publish").header("Authorization", author)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/courses/" + lowered).header("Authorization", author))
			.andExpect(jsonPath("$.riskTier").value("LOW"))
			.andExpect(jsonPath("$.reviewBy").value(LocalDate.now().plusMonths(24).toString()));

		var admin = SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()));
		mvc.perform(get("/admin/audit").param("subject", lowered).with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("course published")))
			.andExpect(content().string(containsString("lower than suggested, reason: Only a pointer to the real policy")))
			.andExpect(content().string(containsString("Manager A")));
		String csv = mvc.perform(get("/admin/audit.csv").with(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).startsWith("occurred_at,actor_id,actor_name,action").contains("\"TIER_SET\"", "\"COURSE_PUBLISHED\"");
		mvc.perform(get("/admin/audit").with(SignedIn.as(fixtures.viewerPerson(org.managerA())))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit.csv").with(SignedIn.as(fixtures.viewerPerson(org.managerA())))).andExpect(status().isForbidden());
	}

	@Test
	void csvCellsCannotRunAsSpreadsheetFormulas() {
		assertThat(AuditLog.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AuditLog.csv("plain")).isEqualTo("\"plain\"");
	}
}
