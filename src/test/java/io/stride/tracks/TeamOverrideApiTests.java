package io.stride.tracks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static io.stride.tracks.TrackApiCalls.days;
import static io.stride.tracks.TrackApiCalls.json;
import static io.stride.tracks.TrackApiCalls.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team's version of the organization's track through the API: re-sequenced and paced for the team, shown as a
 * change on top of the base, audited, refused at the field, guarded against lost updates, and rebased when the
 * organization's track changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TeamOverrideApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TrackApiCalls calls;

	@Autowired
	JdbcClient jdbc;

	Org org;

	PersonId lnd;

	String track;

	String a;

	String b;

	String c;

	@BeforeEach
	void publishedTrack() throws Exception {
		calls.with(mvc);
		org = fixtures.organization();
		lnd = calls.learningTeam(org);
		track = calls.track(lnd, "Customer Success Manager " + org.suffix(), null);
		a = calls.task(lnd, track, "Discovery", List.of(), days("AFTER_PREVIOUS", 7));
		b = calls.task(lnd, track, "Plan", List.of(a), null);
		c = calls.task(lnd, track, "Negotiation", List.of(), null);
		calls.publish(track, lnd);
	}

	@Test
	void aManagerResequencesTheTrackForASubTeamAndSeesWhatDiffersFromTheBase() throws Exception {
		calls.get(override(org.subTeamA()), org.managerA())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overridden").value(false))
			.andExpect(jsonPath("$.revision").value(0));

		calls.put(override(org.subTeamA()), org.managerA(), body(List.of(c, a, b), Map.of(a, days("AFTER_PREVIOUS", 14)),
				"Negotiation first: they already run discovery.", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overridden").value(true))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.baseVersion").value(1))
			.andExpect(jsonPath("$.steps[0].id").value(c))
			.andExpect(jsonPath("$.baseSteps[0].id").value(a))
			.andExpect(jsonPath("$.differences['" + c + "'][0]").value("moved from 3 to 1"))
			.andExpect(jsonPath("$.differences['" + a + "'][1]").value("14 days after the previous step instead of 7"))
			.andExpect(jsonPath("$.note").value("Negotiation first: they already run discovery."));

		calls.get("/api/v1/tracks/" + track + "?teamId=" + org.subTeamA().value(), org.learnerSubA())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overridden").value(true))
			.andExpect(jsonPath("$.steps[0].id").value(c))
			.andExpect(jsonPath("$.steps[1].pacing.days").value(14));
		calls.get("/api/v1/tracks/" + track + "?teamId=" + org.teamA().value(), org.learnerA())
			.andExpect(jsonPath("$.overridden").value(false))
			.andExpect(jsonPath("$.steps[0].id").value(a));
		assertThat(calls.auditDetail(track, "TRACK_TEAM_VERSION_SAVED")).contains("Team A1")
			.contains("“Negotiation” moved from 3 to 1")
			.contains("“Discovery” 14 days after the previous step instead of 7");
		// only what differs from the base is kept, so the base's later pacing reaches the steps left alone
		String stored = jdbc.sql("SELECT pacing FROM track_team_overrides WHERE track_id = ? AND team_id = ?")
			.params(track, org.subTeamA().value())
			.query(String.class)
			.single();
		assertThat(stored).contains(a).doesNotContain(b).doesNotContain(c);
	}

	@Test
	void onlyTheTeamsManagersTheLearningTeamAndAdminsChangeItsVersion() throws Exception {
		Map<String, Object> body = body(List.of(a, c, b), Map.of(), null, 0);
		calls.put(override(org.teamA()), null, body).andExpect(status().isUnauthorized());
		calls.put(override(org.teamA()), org.learnerA(), body).andExpect(status().isForbidden());
		calls.put(override(org.teamA()), org.managerB(), body).andExpect(status().isNotFound());
		calls.get(override(org.teamA()), org.managerB()).andExpect(status().isNotFound());
		calls.get(override(org.teamA()), org.learnerA()).andExpect(status().isOk()).andExpect(jsonPath("$.overridden").value(false));
		calls.put(override(org.teamB()), lnd, body).andExpect(status().isOk());
		calls.put("/api/v1/tracks/" + track + "/teams/no-such-team/override", lnd, body).andExpect(status().isNotFound());
		calls.put("/api/v1/tracks/no-such-track/teams/" + org.teamA().value() + "/override", org.managerA(), body)
			.andExpect(status().isNotFound());

		String draft = calls.track(lnd, "Draft " + org.suffix(), null);
		String only = calls.task(lnd, draft, "Only", List.of(), null);
		calls.put("/api/v1/tracks/" + draft + "/teams/" + org.teamA().value() + "/override", lnd,
				body(List.of(only), Map.of(), null, 0))
			.andExpect(status().isConflict());
	}

	@Test
	void aTeamsVersionIsRefusedAtTheFieldAndNothingIsSaved() throws Exception {
		refused(body(List.of(a, b), Map.of(), null, 0), "stepOrder");
		refused(body(List.of(a, b, c, c), Map.of(), null, 0), "stepOrder");
		calls.put(override(org.teamA()), org.managerA(), body(List.of(b, a, c), Map.of(), null, 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.stepOrder").value(containsString("“Plan” (step 1) requires “Discovery” (step 2)")));
		refused(body(List.of(a, b, c), Map.of(c, days("AFTER_ENROLMENT", 500)), null, 0), "pacing." + c + ".days");
		refused(body(List.of(a, b, c), Map.of("elsewhere", days("AFTER_ENROLMENT", 5)), null, 0), "pacing");
		refused(body(List.of(a, b, c), Map.of(a, on("2031-05-01"), b, on("2031-04-01")), null, 0),
				"pacing." + b + ".releaseOn");
		refused(body(List.of(a, b, c), Map.of(), "n".repeat(1001), 0), "note");

		calls.get(override(org.teamA()), org.managerA()).andExpect(jsonPath("$.overridden").value(false));
	}

	@Test
	void theSecondOfTwoManagersSavingTheSameVersionIsToldOfTheConflict() throws Exception {
		calls.put(override(org.teamA()), org.managerA(), body(List.of(c, a, b), Map.of(), null, 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1));
		calls.put(override(org.teamA()), lnd, body(List.of(a, c, b), Map.of(), null, 0))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.revision").value(1));
		calls.put(override(org.teamA()), lnd, body(List.of(a, c, b), Map.of(), null, 1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		calls.put(override(org.teamA()), org.managerA(), body(List.of(c, a, b), Map.of(), null, 1))
			.andExpect(status().isConflict());
		calls.get(override(org.teamA()), org.managerA()).andExpect(jsonPath("$.steps[1].id").value(c));
	}

	@Test
	void whenTheBaseChangesTheTeamIsToldAndKeepsItsVersionAfterReview() throws Exception {
		calls.put(override(org.teamA()), org.managerA(), body(List.of(c, a, b), Map.of(), null, 0))
			.andExpect(status().isOk());

		String d = calls.task(lnd, track, "Renewal", List.of(), null);
		Map<String, Object> step = new LinkedHashMap<>(Map.of("kind", "OBSERVED_TASK", "title", "Negotiation"));
		step.put("pacing", days("AFTER_ENROLMENT", 21));
		calls.put("/api/v1/tracks/" + track + "/steps/" + c, lnd, step).andExpect(status().isOk());

		JsonNode version = json(calls.get(override(org.teamA()), org.managerA()).andExpect(status().isOk()));
		assertThat(version.get("behind").asBoolean()).isTrue();
		assertThat(version.get("baseVersion").asInt()).isEqualTo(1);
		assertThat(version.get("trackVersion").asInt()).isEqualTo(3);
		assertThat(version.get("baseChanges").get(0).asString()).isEqualTo(
				"New step “Renewal” was placed after “Negotiation”, as in the organization's track.");
		// the team's order holds, the new step sits after its base predecessor, and the base's new pacing reaches c
		assertThat(version.get("steps").valueStream().map(s -> s.get("id").asString()).toList())
			.containsExactly(c, d, a, b);
		assertThat(version.get("steps").get(0).get("pacing").get("days").asInt()).isEqualTo(21);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND subject LIKE 'Track changed%' AND link = ?")
			.params(org.managerA().value(), "/tracks/" + track + "/teams/" + org.teamA().value())
			.query(Long.class)
			.single()).isEqualTo(2));

		calls.post(override(org.teamA()) + "/keep", org.managerA(), Map.of("revision", 0)).andExpect(status().isConflict());
		calls.post(override(org.teamA()) + "/keep", org.managerA(), Map.of("revision", 1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.behind").value(false))
			.andExpect(jsonPath("$.baseVersion").value(3))
			.andExpect(jsonPath("$.baseChanges", hasSize(0)))
			.andExpect(jsonPath("$.steps[1].id").value(d));
		assertThat(calls.auditDetail(track, "TRACK_TEAM_VERSION_KEPT")).contains("version 1 → 3");
		calls.post(override(org.teamB()) + "/keep", org.managerB(), Map.of("revision", 1)).andExpect(status().isNotFound());
	}

	@Test
	void resettingReturnsTheTeamToTheOrganizationsTrack() throws Exception {
		calls.put(override(org.teamA()), org.managerA(), body(List.of(c, a, b), Map.of(), null, 0))
			.andExpect(status().isOk());
		calls.delete(override(org.teamA()), org.learnerA()).andExpect(status().isForbidden());

		calls.delete(override(org.teamA()), org.managerA()).andExpect(status().isNoContent());

		calls.get("/api/v1/tracks/" + track + "?teamId=" + org.teamA().value(), org.learnerA())
			.andExpect(jsonPath("$.overridden").value(false))
			.andExpect(jsonPath("$.steps[0].id").value(a));
		calls.delete(override(org.teamA()), org.managerA()).andExpect(status().isNotFound());
		assertThat(calls.audited(track, "TRACK_TEAM_VERSION_RESET")).isEqualTo(1);
	}

	private void refused(Map<String, Object> body, String field) throws Exception {
		calls.put(override(org.teamA()), org.managerA(), body)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['" + field + "']").exists());
	}

	private String override(io.stride.identity.TeamId team) {
		return "/api/v1/tracks/" + track + "/teams/" + team.value() + "/override";
	}

	private static Map<String, Object> body(List<String> order, Map<String, Object> pacing, String note, int revision) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("stepOrder", order);
		body.put("pacing", pacing);
		body.put("note", note);
		body.put("revision", revision);
		return body;
	}
}
