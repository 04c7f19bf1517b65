package io.stride.tracks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static io.stride.tracks.TrackApiCalls.days;
import static io.stride.tracks.TrackApiCalls.json;
import static io.stride.tracks.TrackApiCalls.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Track definitions through the API: the five kinds of step, who may, and each refusal at its field. */
@SpringBootTest
@AutoConfigureMockMvc
class TrackApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TrackApiCalls calls;

	@Autowired
	CapabilityRows rows;

	@Autowired
	Authoring authoring;

	Org org;

	PersonId lnd;

	CapabilityId capability;

	@BeforeEach
	void organization() {
		calls.with(mvc);
		org = fixtures.organization();
		lnd = calls.learningTeam(org);
		capability = rows.capability("Renewals " + org.suffix(), "Customer", fixtures.admin().id());
	}

	@Test
	void learningTeamBuildsAnOrganizationTrackWithEveryKindOfStepAndPublishesIt() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Running an EBR " + org.suffix());
		String id = calls.track(lnd, "Customer Success Manager " + org.suffix(), null);

		String courseStep = json(calls.post(steps(id), lnd, Map.of("kind", "COURSE", "courseId", course.id().value()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value(course.title()))
			.andExpect(jsonPath("$.pacing.rule").value("ON_ENROLMENT"))).get("id").asString();
		String lesson = course.lessons().getFirst().id();
		calls.post(steps(id), lnd, Map.of("kind", "COMPONENT", "componentId", lesson, "pacing",
				days("AFTER_PREVIOUS", 7)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.componentId").value(lesson))
			.andExpect(jsonPath("$.title").value(course.lessons().getFirst().title()))
			.andExpect(jsonPath("$.pacing.summary").value("7 days after the previous step"));
		calls.post(steps(id), lnd, Map.of("kind", "OBSERVED_TASK", "title", "Lead a renewal call", "capabilityId",
				capability.value(), "prerequisites", List.of(courseStep)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.confirmation").value("MANAGER"))
			.andExpect(jsonPath("$.prerequisites[0]").value(courseStep));
		calls.post(steps(id), lnd, Map.of("kind", "GOAL_SUGGESTION", "goalText", "Run two EBRs with a peer watching",
				"capabilityId", capability.value(), "pacing", days("AFTER_ENROLMENT", 30)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Run two EBRs with a peer watching"));
		calls.post(steps(id), lnd, Map.of("kind", "EXTERNAL", "title", "CSM certification", "externalUrl",
				"https://example.org/csm", "confirmation", "SELF", "highInvestment", true, "pacing", on("2031-01-15")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.highInvestment").value(true))
			.andExpect(jsonPath("$.pacing.releaseOn").value("2031-01-15"));

		calls.post("/api/v1/tracks/" + id + "/publish", lnd, Map.of("revision", calls.revision(id, lnd)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.version").value(1));

		calls.get("/api/v1/tracks/" + id, org.learnerB())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps", hasSize(5)))
			.andExpect(jsonPath("$.steps[0].kind").value("COURSE"))
			.andExpect(jsonPath("$.steps[4].externalUrl").value("https://example.org/csm"));
		calls.get("/api/v1/tracks?roleFamily=customer success", org.learnerB())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(1)));
		calls.get("/api/v1/tracks?roleFamily=Engineering", org.learnerB())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(0)));
		assertThat(calls.audited(id, "TRACK_CREATED")).isEqualTo(1);
		assertThat(calls.audited(id, "TRACK_STEP_ADDED")).isEqualTo(5);
		assertThat(calls.audited(id, "TRACK_PUBLISHED")).isEqualTo(1);
	}

	@Test
	void onlyTheLearningTeamAndAdminsCreateOrganizationTracksAndManagersTheirTeams() throws Exception {
		Map<String, Object> organizationTrack = Map.of("title", "Org track");
		calls.post("/api/v1/tracks", null, organizationTrack).andExpect(status().isUnauthorized());
		calls.post("/api/v1/tracks", org.learnerA(), organizationTrack).andExpect(status().isForbidden());
		calls.post("/api/v1/tracks", org.managerA(), organizationTrack).andExpect(status().isForbidden());
		calls.post("/api/v1/tracks", fixtures.admin().id(), organizationTrack).andExpect(status().isCreated());
		calls.post("/api/v1/tracks", org.managerA(), Map.of("title", "Theirs", "ownerTeamId", org.teamB().value()))
			.andExpect(status().isForbidden());
		calls.post("/api/v1/tracks", org.managerA(), Map.of("title", "Sub-team's", "ownerTeamId", org.subTeamA().value()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerTeamId").value(org.subTeamA().value()))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		calls.post("/api/v1/tracks", lnd, Map.of("title", "Nowhere", "ownerTeamId", "no-such-team"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.ownerTeamId").exists());
	}

	@Test
	void aTeamsTrackIsSeenByItsTreeAndADraftOnlyByItsEditors() throws Exception {
		String id = calls.track(org.managerA(), "Team A onboarding", org.teamA().value());
		calls.task(org.managerA(), id, "Shadow a call", List.of(), null);

		calls.get("/api/v1/tracks/" + id, org.learnerA()).andExpect(status().isNotFound());
		calls.get("/api/v1/tracks/" + id, lnd).andExpect(status().isOk());
		calls.get("/api/v1/tracks", org.learnerA()).andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(0)));

		calls.publish(id, org.managerA());

		calls.get("/api/v1/tracks/" + id, org.learnerSubA()).andExpect(status().isOk());
		calls.get("/api/v1/tracks/" + id, org.learnerB()).andExpect(status().isNotFound());
		calls.get("/api/v1/tracks/" + id, org.managerB()).andExpect(status().isNotFound());
		calls.get("/api/v1/tracks", org.learnerA()).andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(1)));
		calls.put("/api/v1/tracks/" + id, org.learnerA(), Map.of("title", "Mine now", "revision", calls.revision(id, lnd)))
			.andExpect(status().isForbidden());
	}

	@Test
	void savingATrackNeedsTheRevisionReadAndValidFields() throws Exception {
		String id = calls.track(lnd, "Renewals " + org.suffix(), null);
		int revision = calls.revision(id, lnd);

		calls.put("/api/v1/tracks/" + id, lnd, Map.of("title", "Renewals, revised", "highInvestment", true,
				"investmentNote", "An external certification", "revision", revision))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Renewals, revised"))
			.andExpect(jsonPath("$.highInvestment").value(true))
			.andExpect(jsonPath("$.revision").value(revision + 1));
		calls.put("/api/v1/tracks/" + id, lnd, Map.of("title", "Lost update", "revision", revision))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.revision").value(revision + 1));
		calls.put("/api/v1/tracks/" + id, lnd, Map.of("title", "No revision"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());
		calls.put("/api/v1/tracks/" + id, lnd, Map.of("title", " ", "revision", revision + 1))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists());
		calls.put("/api/v1/tracks/" + id, lnd, Map.of("title", "x".repeat(201), "capabilityId", "nope",
				"revision", revision + 1))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").exists())
			.andExpect(jsonPath("$.errors.capabilityId").value("There is no such capability."));
		calls.put("/api/v1/tracks/" + id, org.managerB(), Map.of("title", "Hijack", "revision", revision + 1))
			.andExpect(status().isNotFound());
		calls.get("/api/v1/tracks/" + id, lnd).andExpect(jsonPath("$.title").value("Renewals, revised"));
		assertThat(calls.auditDetail(id, "TRACK_UPDATED")).contains("now high-investment");
		calls.get("/api/v1/tracks/no-such-track", lnd).andExpect(status().isNotFound());
	}

	@Test
	void eachKindOfStepIsRefusedAtTheFieldItLacks() throws Exception {
		String id = calls.track(lnd, "Refusals " + org.suffix(), null);
		String first = calls.task(lnd, id, "First", List.of(), null);

		refused(id, Map.of("kind", "COURSE", "courseId", "no-such-course"), "courseId");
		refused(id, Map.of("kind", "COURSE"), "courseId");
		refused(id, Map.of("kind", "COMPONENT", "title", "Part"), "componentId");
		refused(id, Map.of("kind", "COMPONENT", "title", "Part", "componentId", "no-such-component"), "componentId");
		Course draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Unpublished " + org.suffix()));
		refused(id, Map.of("kind", "COMPONENT", "title", "Part", "componentId", draft.lessons().getFirst().id()),
				"componentId");
		refused(id, Map.of("kind", "GOAL_SUGGESTION", "goalText", "Do it"), "capabilityId");
		refused(id, Map.of("kind", "GOAL_SUGGESTION", "capabilityId", capability.value()), "goalText");
		refused(id, Map.of("kind", "EXTERNAL", "title", "Plain", "externalUrl", "http://example.org", "confirmation",
				"SELF"), "externalUrl");
		refused(id, Map.of("kind", "EXTERNAL", "title", "Script", "externalUrl", "javascript:alert(1)", "confirmation",
				"SELF"), "externalUrl");
		refused(id, Map.of("kind", "EXTERNAL", "title", "Who?", "externalUrl", "https://example.org"), "confirmation");
		refused(id, Map.of("kind", "EXTERNAL", "title", "Who?", "externalUrl", "https://example.org", "confirmation",
				"BOSS"), "confirmation");
		refused(id, Map.of("kind", "OBSERVED_TASK"), "title");
		refused(id, Map.of("kind", "QUIZ", "title", "What"), "kind");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "Slow", "pacing", days("AFTER_PREVIOUS", 400)),
				"pacing.days");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "Slow", "pacing", Map.of("rule", "AFTER_PREVIOUS")),
				"pacing.days");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "When", "pacing", Map.of("rule", "FIXED_DATE")),
				"pacing.releaseOn");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "When", "pacing", Map.of("rule", "FIXED_DATE",
				"releaseOn", "next tuesday")), "pacing.releaseOn");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "How", "pacing", Map.of("rule", "SOMETIMES")), "pacing.rule");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "Lost", "prerequisites", List.of("not-a-step")),
				"prerequisites");
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "Far", "position", 5), "position");
		calls.post(steps(id), lnd, "{\"kind\":\"OBSERVED_TASK\",\"title\":\"Typed\",\"pacing\":{\"rule\":\"AFTER_PREVIOUS\",\"days\":\"soon\"}}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['pacing.days']").exists());

		// a step of another track is no prerequisite here
		String other = calls.track(lnd, "Other " + org.suffix(), null);
		String elsewhere = calls.task(lnd, other, "Elsewhere", List.of(), null);
		refused(id, Map.of("kind", "OBSERVED_TASK", "title", "Cross", "prerequisites", List.of(elsewhere)), "prerequisites");

		calls.get("/api/v1/tracks/" + id, lnd)
			.andExpect(jsonPath("$.steps", hasSize(1)))
			.andExpect(jsonPath("$.steps[0].id").value(first));
		calls.put(steps(id) + "/" + elsewhere, lnd, Map.of("kind", "OBSERVED_TASK", "title", "Not here"))
			.andExpect(status().isNotFound());
		calls.post(steps(id), org.managerA(), Map.of("kind", "OBSERVED_TASK", "title", "Sneaky"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCircularPrerequisiteIsRefusedNamingTheCircleAndNothingIsSaved() throws Exception {
		String id = calls.track(lnd, "Circle " + org.suffix(), null);
		String a = calls.task(lnd, id, "Discovery", List.of(), null);
		String b = calls.task(lnd, id, "Plan", List.of(a), null);

		calls.put(steps(id) + "/" + a, lnd, Map.of("kind", "OBSERVED_TASK", "title", "Discovery", "prerequisites",
				List.of(b)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.prerequisites").value(containsString("“Discovery” → “Plan” → “Discovery”")));
		calls.put(steps(id) + "/" + a, lnd, Map.of("kind", "OBSERVED_TASK", "title", "Discovery", "prerequisites",
				List.of(a)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.prerequisites").value("A step cannot require itself."));

		calls.get("/api/v1/tracks/" + id, lnd)
			.andExpect(jsonPath("$.steps[0].prerequisites", hasSize(0)))
			.andExpect(jsonPath("$.steps[1].prerequisites[0]").value(a));
	}

	@Test
	void aStepCannotComeBeforeWhatItRequiresNorBeReleasedBeforeIt() throws Exception {
		String id = calls.track(lnd, "Order " + org.suffix(), null);
		String a = calls.task(lnd, id, "Workshop", List.of(), on("2031-03-01"));
		String b = calls.task(lnd, id, "Exam", List.of(a), null);
		int revision = calls.revision(id, lnd);

		calls.put(steps(id) + "/order", lnd, Map.of("stepIds", List.of(b, a), "revision", revision))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.stepIds").value(containsString("“Exam” (step 1) requires “Workshop” (step 2)")));
		calls.put(steps(id) + "/order", lnd, Map.of("stepIds", List.of(a), "revision", revision))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.stepIds").exists());
		calls.post(steps(id), lnd, Map.of("kind", "OBSERVED_TASK", "title", "Early", "prerequisites", List.of(b),
				"position", 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.position").exists());
		calls.put(steps(id) + "/" + a, lnd, Map.of("kind", "OBSERVED_TASK", "title", "Workshop", "prerequisites",
				List.of(), "pacing", on("2031-03-01"), "position", 1))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.position").exists());
		calls.put(steps(id) + "/" + b, lnd, Map.of("kind", "OBSERVED_TASK", "title", "Exam", "prerequisites", List.of(a),
				"pacing", on("2031-02-01")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['pacing.releaseOn']").value(containsString("released before its prerequisite")));
		calls.put(steps(id) + "/" + b, lnd, Map.of("kind", "OBSERVED_TASK", "title", "Exam", "prerequisites", List.of(a),
				"pacing", on("2031-03-01")))
			.andExpect(status().isOk());

		assertThat(calls.revision(id, lnd)).isEqualTo(revision + 1);
	}

	@Test
	void stepsAreReorderedWithTheRevisionReadAndRemoved() throws Exception {
		String id = calls.track(lnd, "Moves " + org.suffix(), null);
		String a = calls.task(lnd, id, "A", List.of(), null);
		String b = calls.task(lnd, id, "B", List.of(a), null);
		String c = calls.task(lnd, id, "C", List.of(), null);
		int revision = calls.revision(id, lnd);

		calls.put(steps(id) + "/order", lnd, Map.of("stepIds", List.of(c, a, b), "revision", revision))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(c))
			.andExpect(jsonPath("$[2].position").value(2));
		calls.put(steps(id) + "/order", lnd, Map.of("stepIds", List.of(a, b, c), "revision", revision))
			.andExpect(status().isConflict());
		calls.put(steps(id) + "/order", lnd, Map.of("stepIds", List.of(a, b, c)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());
		assertThat(calls.auditDetail(id, "TRACK_REORDERED")).contains("“C” moved from 3 to 1");

		calls.post(steps(id), lnd, Map.of("kind", "OBSERVED_TASK", "title", "Stale", "revision", revision))
			.andExpect(status().isConflict());
		calls.delete(steps(id) + "/" + a, lnd).andExpect(status().isNoContent());
		calls.delete(steps(id) + "/" + a, lnd).andExpect(status().isNotFound());
		calls.get("/api/v1/tracks/" + id, lnd)
			.andExpect(jsonPath("$.steps", hasSize(2)))
			.andExpect(jsonPath("$.steps[1].id").value(b))
			.andExpect(jsonPath("$.steps[1].position").value(1))
			.andExpect(jsonPath("$.steps[1].prerequisites", hasSize(0)));
	}

	@Test
	void publishingNeedsAStepAndChangesToAPublishedTrackMakeANewVersion() throws Exception {
		String id = calls.track(lnd, "Versions " + org.suffix(), null);
		calls.post("/api/v1/tracks/" + id + "/publish", lnd, null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.steps").exists());
		String a = calls.task(lnd, id, "A", List.of(), null);
		calls.task(lnd, id, "B", List.of(), null);
		calls.get("/api/v1/tracks/" + id, lnd).andExpect(jsonPath("$.version").value(1));
		calls.post("/api/v1/tracks/" + id + "/publish", org.learnerA(), null).andExpect(status().isNotFound());
		calls.publish(id, lnd);
		calls.post("/api/v1/tracks/" + id + "/publish", lnd, null).andExpect(status().isConflict());

		calls.put("/api/v1/tracks/" + id, lnd, Map.of("title", "Versions, renamed", "revision", calls.revision(id, lnd)))
			.andExpect(jsonPath("$.version").value(1));
		calls.task(lnd, id, "C", List.of(), null);
		calls.get("/api/v1/tracks/" + id, lnd).andExpect(jsonPath("$.version").value(2));
		Map<String, Object> pacing = new LinkedHashMap<>(Map.of("kind", "OBSERVED_TASK", "title", "A"));
		pacing.put("pacing", days("AFTER_ENROLMENT", 3));
		calls.put(steps(id) + "/" + a, lnd, pacing).andExpect(status().isOk());
		JsonNode track = json(calls.get("/api/v1/tracks/" + id, lnd));
		assertThat(track.get("version").asInt()).isEqualTo(3);
		assertThat(calls.auditDetail(id, "TRACK_STEP_CHANGED")).contains("3 days after enrolment instead of on enrolment")
			.contains("version 2 → 3");

		calls.delete("/api/v1/tracks/" + id, org.managerA()).andExpect(status().isForbidden());
		calls.delete("/api/v1/tracks/" + id, lnd).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));
		calls.post(steps(id), lnd, Map.of("kind", "OBSERVED_TASK", "title", "Too late")).andExpect(status().isConflict());
		calls.get("/api/v1/tracks", lnd).andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(0)));
		assertThat(calls.audited(id, "TRACK_ARCHIVED")).isEqualTo(1);
	}

	@Test
	void theTracksApiIsDocumentedAndATeamsReadingIsForItsPeopleOnly() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("/api/v1/tracks/{id}/steps/order")
			.contains("/api/v1/tracks/{id}/teams/{teamId}/override")
			.contains("/api/v1/tracks/{id}/teams/{teamId}/override/keep")
			.contains("\"Tracks\"");

		String id = calls.track(lnd, "Docs " + org.suffix(), null);
		calls.task(lnd, id, "Only", List.of(), null);
		calls.publish(id, lnd);
		calls.get("/api/v1/tracks/" + id + "?teamId=" + org.teamA().value(), org.learnerA()).andExpect(status().isOk());
		calls.get("/api/v1/tracks/" + id + "?teamId=" + org.teamB().value(), org.learnerA()).andExpect(status().isNotFound());
		calls.get("/api/v1/tracks/" + id + "?teamId=" + org.subTeamA().value(), org.managerA()).andExpect(status().isOk());
	}

	private void refused(String trackId, Map<String, Object> body, String field) throws Exception {
		calls.post(steps(trackId), lnd, body)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['" + field + "']").exists());
	}

	private static String steps(String trackId) {
		return "/api/v1/tracks/" + trackId + "/steps";
	}
}
