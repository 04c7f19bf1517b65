package io.stride.integration;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Webhook subscriptions and chat connections through the API: admins only, 422 at the field, secrets shown once. */
@SpringBootTest
@AutoConfigureMockMvc
class WebhooksApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Org org;

	Receiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		org = fixtures.organization();
		receiver = new Receiver();
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	@Test
	void anAdminSubscribesSeesTheSecretOnceAndTheAddressMaskedAndRemovesIt() throws Exception {
		String answer = post("/api/v1/webhook-subscriptions", admin(), "{\"url\":\"" + receiver.url("/secret/path")
				+ "\",\"eventTypes\":[\"cycles.kudos-given\",\"badges.badge-earned\"],\"description\":\"HR\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secret").value(startsWith("whsec_")))
			.andExpect(jsonPath("$.kind").value("WEBHOOK"))
			.andExpect(jsonPath("$.url").value(receiver.url("/…")))
			.andReturn().getResponse().getContentAsString();
		String id = json.readTree(answer).get("id").asString();

		mvc.perform(get("/api/v1/webhook-subscriptions/" + id).header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andExpect(jsonPath("$.eventTypes[0]").value("cycles.kudos-given"))
			.andExpect(jsonPath("$.url").value(receiver.url("/…")));
		mvc.perform(get("/api/v1/webhook-subscriptions").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id)))
			.andExpect(jsonPath("$[*].url", not(hasItem(containsString("secret/path")))));
		mvc.perform(get("/api/v1/webhook-subscriptions/" + id + "/deliveries").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isArray());
		mvc.perform(get("/api/v1/webhook-event-types").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].type", hasItem("learning-record.statement-recorded")));

		mvc.perform(delete("/api/v1/webhook-subscriptions/" + id).header("Authorization", admin()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/webhook-subscriptions/" + id).header("Authorization", admin()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAddressThatIsNotHttpsOrNotPublicAndUnknownEventTypesAre422AtTheirField() throws Exception {
		post("/api/v1/webhook-subscriptions", admin(),
				"{\"url\":\"http://93.184.216.34/hook\",\"eventTypes\":[\"cycles.kudos-given\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.url").value(startsWith("The address must start with https://")));
		post("/api/v1/webhook-subscriptions", admin(),
				"{\"url\":\"https://10.0.0.7/hook\",\"eventTypes\":[\"cycles.kudos-given\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.url").value(containsString("private or local network")));
		post("/api/v1/webhook-subscriptions", admin(),
				"{\"url\":\"" + receiver.url("/x") + "\",\"eventTypes\":[\"everything\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.eventTypes").value(containsString("Unknown event type")));
		post("/api/v1/webhook-subscriptions", admin(), "{\"url\":\"" + receiver.url("/x") + "\",\"eventTypes\":[]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.eventTypes").value("Choose at least one event type."));
		post("/api/v1/teams/" + org.teamA().value() + "/chat-connections", admin(),
				"{\"tool\":\"IRC\",\"url\":\"http://169.254.169.254/latest\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.tool").value(containsString("Slack")))
			.andExpect(jsonPath("$.errors.url").value(startsWith("The address must start with https://")));
	}

	@Test
	void anAdminConnectsATeamsSlackAndAReconnectionReplacesIt() throws Exception {
		String path = "/api/v1/teams/" + org.teamA().value() + "/chat-connections";
		post(path, admin(), "{\"tool\":\"SLACK\",\"url\":\"" + receiver.url("/one") + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("SLACK"))
			.andExpect(jsonPath("$.teamId").value(org.teamA().value()))
			.andExpect(jsonPath("$.eventTypes", hasItem("rhythm.pre-read-ready")));
		post(path, admin(), "{\"tool\":\"SLACK\",\"url\":\"" + receiver.url("/two") + "\"}").andExpect(status().isCreated());
		post(path, admin(), "{\"tool\":\"TEAMS\",\"url\":\"" + receiver.url("/three") + "\"}").andExpect(status().isCreated());
		mvc.perform(get(path).header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].kind").value("SLACK"))
			.andExpect(jsonPath("$[1].kind").value("TEAMS"));
		post("/api/v1/teams/no-such-team/chat-connections", admin(),
				"{\"tool\":\"SLACK\",\"url\":\"" + receiver.url("/x") + "\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void managersAndLearnersGetNotFound() throws Exception {
		for (String who : new String[] { bearer(org.managerA()), bearer(org.learnerA()) }) {
			mvc.perform(get("/api/v1/webhook-subscriptions").header("Authorization", who)).andExpect(status().isNotFound());
			post("/api/v1/webhook-subscriptions", who,
					"{\"url\":\"" + receiver.url("/x") + "\",\"eventTypes\":[\"cycles.kudos-given\"]}")
				.andExpect(status().isNotFound());
			post("/api/v1/teams/" + org.teamA().value() + "/chat-connections", who,
					"{\"tool\":\"SLACK\",\"url\":\"" + receiver.url("/x") + "\"}")
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/chat-connections").header("Authorization", who))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/admin/integrations").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdminPageConnectsAChannelRefusesABadAddressAtItsFieldAndShowsTheLog() throws Exception {
		mvc.perform(MockMvcRequestBuilders.post("/admin/integrations/chat").header("Authorization", admin())
			.param("teamId", org.teamB().value()).param("tool", "SLACK").param("url", "https://192.168.0.4/hook"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"chat-url-error\"")))
			.andExpect(content().string(containsString("private or local network")));
		mvc.perform(MockMvcRequestBuilders.post("/admin/integrations/webhooks").header("Authorization", admin())
			.param("url", receiver.url("/x")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"eventTypes-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\" aria-describedby=\"eventTypes-error\"")));
		mvc.perform(MockMvcRequestBuilders.post("/admin/integrations/chat").header("Authorization", admin())
			.param("teamId", org.teamB().value()).param("tool", "TEAMS").param("url", receiver.url("/T000/B000/secret")))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/admin/integrations").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Microsoft Teams · Team B " + org.suffix())))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("/T000/B000/secret");
		String id = json.readTree(mvc.perform(get("/api/v1/teams/" + org.teamB().value() + "/chat-connections")
			.header("Authorization", admin())).andReturn().getResponse().getContentAsString()).get(0).get("id").asString();
		mvc.perform(get("/admin/integrations/" + id).header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing was sent yet")));
		mvc.perform(MockMvcRequestBuilders.post("/admin/integrations/" + id + "/remove").header("Authorization", admin()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/integrations/" + id).header("Authorization", admin())).andExpect(status().isNotFound());
	}

	@Test
	void onlyAnAdminResumesAPausedSubscriptionAndOneThatIsNotPausedIsAConflict() throws Exception {
		String answer = post("/api/v1/webhook-subscriptions", admin(), "{\"url\":\"" + receiver.url("/resume")
				+ "\",\"eventTypes\":[\"cycles.kudos-given\"],\"description\":\"Resume\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.pausedAt").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		String id = json.readTree(answer).get("id").asString();
		try {
			post("/api/v1/webhook-subscriptions/" + id + "/resume", admin(), "").andExpect(status().isConflict());
			jdbc.sql("UPDATE webhook_subscriptions SET paused_at = CURRENT_TIMESTAMP, paused_reason = 'More than 10000 "
					+ "events wait for it.', consecutive_failures = 9 WHERE id = ?").param(id).update();
			mvc.perform(get("/api/v1/webhook-subscriptions/" + id).header("Authorization", admin()))
				.andExpect(jsonPath("$.pausedAt").isNotEmpty())
				.andExpect(jsonPath("$.pausedReason").value("More than 10000 events wait for it."));
			// the delivery log says so and offers to resume it
			mvc.perform(get("/admin/integrations/" + id).header("Authorization", admin()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"paused\"")))
				.andExpect(content().string(containsString("More than 10000 events wait for it.")))
				.andExpect(content().string(containsString("/admin/integrations/" + id + "/resume")));
			post("/api/v1/webhook-subscriptions/" + id + "/resume", bearer(org.managerA()), "")
				.andExpect(status().isNotFound());
			post("/api/v1/webhook-subscriptions/" + id + "/resume", admin(), "")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.pausedAt").doesNotExist())
				.andExpect(jsonPath("$.consecutiveFailures").value(0));
		}
		finally {
			mvc.perform(delete("/api/v1/webhook-subscriptions/" + id).header("Authorization", admin()));
		}
	}

	private ResultActions post(String path, String auth, String body) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path)
			.header("Authorization", auth)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String admin() {
		return "Bearer " + fixtures.token(fixtures.admin().id());
	}

	private String bearer(io.stride.identity.PersonId id) {
		return "Bearer " + fixtures.token(id);
	}
}
