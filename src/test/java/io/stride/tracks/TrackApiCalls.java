package io.stride.tracks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.review.Reviews;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls to the tracks API as a person, and the people the track tests need (an L&D reviewer beside the fixtures). */
@Component
class TrackApiCalls {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Fixtures fixtures;

	private final Reviews reviews;

	private final JdbcClient jdbc;

	private MockMvc mvc;

	TrackApiCalls(Fixtures fixtures, Reviews reviews, JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.reviews = reviews;
		this.jdbc = jdbc;
	}

	TrackApiCalls with(MockMvc mvc) {
		this.mvc = mvc;
		return this;
	}

	/** A reviewer of the learning team (L&D), in no team. */
	PersonId learningTeam(Org org) {
		PersonId id = fixtures.person(fixtures.admin(), "Lena L&D", "lnd", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviews.setUp(fixtures.admin(), id, "", true, false);
		return id;
	}

	String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	ResultActions call(MockHttpServletRequestBuilder request, PersonId as, Object body) throws Exception {
		if (as != null) {
			request.header("Authorization", bearer(as));
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : JSON.writeValueAsString(body));
		}
		return mvc.perform(request);
	}

	ResultActions get(String path, PersonId as) throws Exception {
		return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path), as, null);
	}

	ResultActions post(String path, PersonId as, Object body) throws Exception {
		return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path), as, body);
	}

	ResultActions put(String path, PersonId as, Object body) throws Exception {
		return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path), as, body);
	}

	ResultActions delete(String path, PersonId as) throws Exception {
		return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path), as, null);
	}

	static JsonNode json(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

	/** Creates a track (201 expected) and answers its id. */
	String track(PersonId as, String title, String ownerTeamId) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("description", "Towards the role.");
		body.put("roleFamily", "Customer Success");
		body.put("ownerTeamId", ownerTeamId);
		return json(post("/api/v1/tracks", as, body).andExpect(status().isCreated())).get("id").asString();
	}

	/** Adds an observed task (201 expected) and answers its id. */
	String task(PersonId as, String trackId, String title, List<String> prerequisites, Map<String, Object> pacing)
			throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "OBSERVED_TASK");
		body.put("title", title);
		body.put("confirmation", "MANAGER");
		body.put("prerequisites", prerequisites);
		if (pacing != null) {
			body.put("pacing", pacing);
		}
		return json(post("/api/v1/tracks/" + trackId + "/steps", as, body).andExpect(status().isCreated())).get("id")
			.asString();
	}

	int revision(String trackId, PersonId as) throws Exception {
		return json(get("/api/v1/tracks/" + trackId, as).andExpect(status().isOk())).get("revision").asInt();
	}

	void publish(String trackId, PersonId as) throws Exception {
		post("/api/v1/tracks/" + trackId + "/publish", as, null).andExpect(status().isOk());
	}

	long audited(String trackId, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subject_id = ? AND action = ?")
			.params(trackId, action)
			.query(Long.class)
			.single();
	}

	String auditDetail(String trackId, String action) {
		return jdbc.sql("SELECT detail FROM audit_events WHERE subject_id = ? AND action = ? ORDER BY occurred_at DESC")
			.params(trackId, action)
			.query(String.class)
			.list()
			.get(0);
	}

	static Map<String, Object> days(String rule, int days) {
		Map<String, Object> pacing = new LinkedHashMap<>();
		pacing.put("rule", rule);
		pacing.put("days", days);
		return pacing;
	}

	static Map<String, Object> on(String date) {
		Map<String, Object> pacing = new LinkedHashMap<>();
		pacing.put("rule", "FIXED_DATE");
		pacing.put("releaseOn", date);
		return pacing;
	}

}
