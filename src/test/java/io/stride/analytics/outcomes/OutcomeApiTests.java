package io.stride.analytics.outcomes;

import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outcome indicators through the API. Team A's tree has four current members: manager A, learner A, learner A1 (in
 * sub-team A1) and learner A2, added here. The metric counts escalations per week (lower is better).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomeApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CourseAnalyticsFixtures history;

	Org org;

	PersonId learnerA2;

	Course course;

	@BeforeEach
	void teamOfFour() {
		org = fixtures.organization();
		learnerA2 = fixtures.person(fixtures.admin(), "Learner A2", "learner-a2", org.suffix(), Set.of(org.teamA()),
				Set.of());
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Escalations " + org.suffix());
	}

	@Test
	void beforeAndAfterTheRolloutAsWorkedOutByHand() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Escalations per week", "WEEK", course.id().value());
		// weeks (Mondays) 03-02, 03-09, 03-16, 03-23, 03-30, 04-06 with 10, 12, 8, 6, 5, 7 escalations
		double[] values = { 10, 12, 8, 6, 5, 7 };
		String[] weeks = { "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06" };
		for (int i = 0; i < weeks.length; i++) {
			putValue(id, weeks[i], values[i]).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(true));
		}
		String c = course.id().value();
		// completions: learner A Tue 03-10 (week 2), again 03-20 (only the first counts), learner A1 Wed 03-18
		// (week 3), learner A2 Wed 04-01 (week 5); manager A never. Learner B (team B) in week 1 is not in the team.
		completed(org.learnerA(), c, "2026-03-10T09:00:00Z");
		completed(org.learnerA(), c, "2026-03-20T09:00:00Z");
		completed(org.learnerSubA(), c, "2026-03-18T23:59:00Z");
		completed(learnerA2, c, "2026-04-01T10:00:00Z");
		completed(org.learnerB(), c, "2026-03-03T10:00:00Z");
		// share done by each week's end (of 4): 0, 1/4, 2/4, 2/4, 3/4, 3/4 → 50% first reached at the end of week 3
		// (Sunday 03-22): the rollout week is 03-16. Before: weeks 1-2, (10 + 12) / 2 = 11. After: weeks 3-6,
		// (8 + 6 + 5 + 7) / 4 = 26 / 4 = 6.5. Change 6.5 - 11 = -4.5, relative -4.5 / 11 = -0.40909…; lower is
		// better, so it moved the good way.
		mvc.perform(get("/api/v1/outcomes/" + id + "/report").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basis").value("COMPLETED"))
			.andExpect(jsonPath("$.teamSize").value(4))
			.andExpect(jsonPath("$.doneNow").value(3))
			.andExpect(jsonPath("$.periods", hasSize(6)))
			.andExpect(jsonPath("$.periods[0].period").value("2026-03-02"))
			.andExpect(jsonPath("$.periods[0].lastDay").value("2026-03-08"))
			.andExpect(jsonPath("$.periods[0].share").value(closeTo(0.0, 1e-9), Double.class))
			.andExpect(jsonPath("$.periods[1].share").value(closeTo(0.25, 1e-9), Double.class))
			.andExpect(jsonPath("$.periods[1].side").value("BEFORE"))
			.andExpect(jsonPath("$.periods[2].share").value(closeTo(0.5, 1e-9), Double.class))
			.andExpect(jsonPath("$.periods[2].side").value("AFTER"))
			.andExpect(jsonPath("$.periods[3].done").value(2))
			.andExpect(jsonPath("$.periods[4].share").value(closeTo(0.75, 1e-9), Double.class))
			.andExpect(jsonPath("$.periods[5].value").value(closeTo(7.0, 1e-9), Double.class))
			.andExpect(jsonPath("$.rollout.period").value("2026-03-16"))
			.andExpect(jsonPath("$.rollout.lastDay").value("2026-03-22"))
			.andExpect(jsonPath("$.beforeAfter.beforeMean").value(closeTo(11.0, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.beforePeriods").value(2))
			.andExpect(jsonPath("$.beforeAfter.afterMean").value(closeTo(6.5, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.afterPeriods").value(4))
			.andExpect(jsonPath("$.beforeAfter.absoluteChange").value(closeTo(-4.5, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.relativeChange").value(closeTo(-4.5 / 11, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.verdict").value("BETTER"))
			.andExpect(jsonPath("$.beforeAfter.improved").value(true))
			.andExpect(jsonPath("$.caution").value(
					"This shows correlation, not proof: other changes in the same weeks can explain it."))
			.andExpect(jsonPath("$.rule").value(containsString("at least half")));

		// mastered instead: learner A Wed 03-25 (week 4), learner A1 Tue 04-07 (week 6) → 2 of 4 first at the end of
		// week 6, the rollout week 04-06. Before: weeks 1-5, (10 + 12 + 8 + 6 + 5) / 5 = 41 / 5 = 8.2; after: week 6,
		// 7. Change 7 - 8.2 = -1.2, relative -1.2 / 8.2 = -0.14634…
		mastered(org.learnerA(), c, "2026-03-25T12:00:00Z");
		mastered(org.learnerSubA(), c, "2026-04-07T12:00:00Z");
		mvc.perform(get("/api/v1/outcomes/" + id + "/report").param("basis", "mastered")
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basis").value("MASTERED"))
			.andExpect(jsonPath("$.rollout.period").value("2026-04-06"))
			.andExpect(jsonPath("$.beforeAfter.beforeMean").value(closeTo(8.2, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.beforePeriods").value(5))
			.andExpect(jsonPath("$.beforeAfter.afterMean").value(closeTo(7.0, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.afterPeriods").value(1))
			.andExpect(jsonPath("$.beforeAfter.absoluteChange").value(closeTo(-1.2, 1e-9), Double.class))
			.andExpect(jsonPath("$.beforeAfter.relativeChange").value(closeTo(-1.2 / 8.2, 1e-9), Double.class));
		mvc.perform(get("/api/v1/outcomes/" + id + "/report").param("basis", "passed")
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.basis").exists());
	}

	@Test
	void aMemberCountsOnlyOnceDoneWithEveryLinkedCourse() throws Exception {
		Course second = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "De-escalation " + org.suffix());
		String id = define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value(), second.id().value());
		putValue(id, "2026-03-02", 10).andExpect(status().isOk());
		putValue(id, "2026-03-09", 8).andExpect(status().isOk());
		// learner A completes both (the second on 03-11); learner A1 only the first: 1 of 4 done, short of 2
		completed(org.learnerA(), course.id().value(), "2026-03-03T09:00:00Z");
		completed(org.learnerA(), second.id().value(), "2026-03-11T09:00:00Z");
		completed(org.learnerSubA(), course.id().value(), "2026-03-04T09:00:00Z");
		mvc.perform(get("/api/v1/outcomes/" + id + "/report").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.doneNow").value(1))
			.andExpect(jsonPath("$.periods[0].done").value(0))
			.andExpect(jsonPath("$.periods[1].done").value(1))
			.andExpect(jsonPath("$.rollout").doesNotExist())
			.andExpect(jsonPath("$.beforeAfter").doesNotExist())
			.andExpect(jsonPath("$.missing").value(containsString("1 of 4 members")));
	}

	@Test
	void aManagerDefinesChangesDeletesAndRestoresAMetric() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Order errors per 1,000", "MONTH", course.id().value());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/outcomes").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("Order errors per 1,000"))
			.andExpect(jsonPath("$[0].granularity").value("MONTH"))
			.andExpect(jsonPath("$[0].values").doesNotExist());
		mvc.perform(put("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("Order errors per 1,000 orders", "MONTH", 1, course.id().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Order errors per 1,000 orders"))
			.andExpect(jsonPath("$.revision").value(2));
		// a second tab still holding revision 1
		mvc.perform(put("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("Stale", "MONTH", 1, course.id().value())))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// monthly values are named by the 1st; the granularity can't change under them
		putValue(id, "2026-03-01", 4.5).andExpect(status().isOk());
		mvc.perform(put("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("Order errors per 1,000 orders", "WEEK", 2, course.id().value())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.granularity").exists());

		mvc.perform(delete("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/outcomes").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(post("/api/v1/outcomes/" + id + "/restore").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values[0].period").value("2026-03-01"))
			.andExpect(jsonPath("$.values[0].value").value(4.5));
	}

	@Test
	void anInvalidMetricIsRefusedWithAnErrorPerField() throws Exception {
		mvc.perform(post("/api/v1/teams/" + org.teamA().value() + "/outcomes").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \",\"unit\":\"\",\"direction\":\"sideways\",\"granularity\":\"day\",\"courseIds\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.unit").exists())
			.andExpect(jsonPath("$.errors.direction").exists())
			.andExpect(jsonPath("$.errors.granularity").exists())
			.andExpect(jsonPath("$.errors.courseIds").exists());
		mvc.perform(post("/api/v1/teams/" + org.teamA().value() + "/outcomes").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("Escalations", "WEEK", null, "no-such-course")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseIds").value(containsString("no-such-course")));
		define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value());
		mvc.perform(post("/api/v1/teams/" + org.teamA().value() + "/outcomes").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("escalations", "WEEK", null, course.id().value())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("The team already has a metric with this name."));
	}

	@Test
	void onlyTheTeamsManagersAndAdminsFindItsMetrics() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value());
		String team = "/api/v1/teams/" + org.teamA().value() + "/outcomes";
		mvc.perform(get(team)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/outcomes/" + id)).andExpect(status().isUnauthorized());
		// another team's manager and a member of the team: as if neither existed
		for (PersonId outsider : java.util.List.of(org.managerB(), org.learnerA())) {
			mvc.perform(get(team).header("Authorization", bearer(outsider))).andExpect(status().isNotFound());
			mvc.perform(post(team).header("Authorization", bearer(outsider))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Mine", "WEEK", null, course.id().value()))).andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			mvc.perform(get("/api/v1/outcomes/" + id + "/report").header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(put("/api/v1/outcomes/" + id + "/values/2026-03-02").header("Authorization", bearer(outsider))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":1}")).andExpect(status().isNotFound());
			mvc.perform(delete("/api/v1/outcomes/" + id).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(fixtures.admin().id())))
			.andExpect(status().isOk());
		// manager A manages team A and so the sub-team A1 below it
		String sub = define(org.managerA(), org.subTeamA(), "Sub-team escalations", "WEEK", course.id().value());
		mvc.perform(get("/api/v1/outcomes/" + sub).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teamId").value(org.subTeamA().value()));
		mvc.perform(get("/api/v1/outcomes/no-such-metric").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void valuesAreNamedByTheirPeriodsFirstDay() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value());
		putValue(id, "2026-03-02", 10).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(true));
		putValue(id, "2026-03-02", 11.5).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(false));
		putValue(id, "2026-03-04", 3).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.period").value(containsString("use 2026-03-02")));
		putValue(id, "2099-01-05", 3).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.period").value(containsString("has not begun yet")));
		putValue(id, "not-a-date", 3).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.period").exists());
		mvc.perform(put("/api/v1/outcomes/" + id + "/values/2026-03-09").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.value").exists());
		mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.values", hasSize(1)))
			.andExpect(jsonPath("$.values[0].value").value(11.5));
		mvc.perform(delete("/api/v1/outcomes/" + id + "/values/2026-03-02").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/outcomes/" + id + "/values/2026-03-02").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		// a period no value can have is not looked for (PostgreSQL would refuse the date itself)
		mvc.perform(delete("/api/v1/outcomes/" + id + "/values/+99999999-01-01").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCsvFileIsImportedWholeAndSaysWhatItAddedAndUpdated() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value());
		putValue(id, "2026-03-02", 10).andExpect(status().isOk());
		// 03-02 is there already (updated), 03-09 and 03-16 are new (added); a BOM, quotes and blank lines are fine
		mvc.perform(post("/api/v1/outcomes/" + id + "/values/import").header("Authorization", bearer(org.managerA()))
			.contentType("text/csv")
			.content("\uFEFFperiod,value\r\n2026-03-02,9\r\n\"2026-03-09\",12.5\r\n\r\n2026-03-16,8\r\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(2))
			.andExpect(jsonPath("$.updated").value(1));
		mvc.perform(multipart("/api/v1/outcomes/" + id + "/values/import")
			.file(new MockMultipartFile("file", "values.csv", "text/csv", "period,value\n2026-03-23,7\n".getBytes()))
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(1))
			.andExpect(jsonPath("$.updated").value(0));
		mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.values", hasSize(4)))
			.andExpect(jsonPath("$.values[0].value").value(9.0))
			.andExpect(jsonPath("$.values[1].value").value(12.5));
	}

	@Test
	void aFileWithABadLineImportsNothingAndNamesTheLine() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value());
		putValue(id, "2026-03-02", 10).andExpect(status().isOk());
		mvc.perform(post("/api/v1/outcomes/" + id + "/values/import").header("Authorization", bearer(org.managerA()))
			.contentType("text/csv")
			.content("period,value\n2026-03-02,1\n2026-03-11,2\n2026-03-16,lots\n2026-03-23,3,5\n2026-03-16,4\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Nothing was imported: 3 lines need fixing")))
			.andExpect(jsonPath("$.errors['line 3']").value(containsString("use 2026-03-09")))
			.andExpect(jsonPath("$.errors['line 4']").value(containsString("“lots” is not a number")))
			.andExpect(jsonPath("$.errors['line 5']").value(containsString("decimals with a point")));
		mvc.perform(post("/api/v1/outcomes/" + id + "/values/import").header("Authorization", bearer(org.managerA()))
			.contentType("text/csv")
			.content("week;escalations\n2026-03-09;2\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['line 1']").value(containsString("header period,value")));
		// the saved value is untouched
		mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.values", hasSize(1)))
			.andExpect(jsonPath("$.values[0].value").value(10.0));
	}

	@Test
	void aFileAboveOneMegabyteIsRefused() throws Exception {
		String id = define(org.managerA(), org.teamA(), "Escalations", "WEEK", course.id().value());
		StringBuilder big = new StringBuilder("period,value\n");
		while (big.length() <= Outcomes.MAX_IMPORT_BYTES) {
			big.append("2026-03-02,1\n");
		}
		mvc.perform(post("/api/v1/outcomes/" + id + "/values/import").header("Authorization", bearer(org.managerA()))
			.contentType("text/csv")
			.content(big.toString()))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was imported")));
		mvc.perform(multipart("/api/v1/outcomes/" + id + "/values/import")
			.file(new MockMultipartFile("file", "values.csv", "text/csv", big.toString().getBytes()))
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isContentTooLarge());
		mvc.perform(get("/api/v1/outcomes/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.values", hasSize(0)));
	}

	@Test
	void theEndpointsAreInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/teams/{teamId}/outcomes", "/api/v1/outcomes/{id}",
				"/api/v1/outcomes/{id}/values/{period}", "/api/v1/outcomes/{id}/values/import", "/api/v1/outcomes/{id}/report",
				"/api/v1/outcomes/{id}/restore", "BeforeAfterView", "relativeChange", "text/csv", "multipart/form-data");
	}

	private String define(PersonId manager, io.stride.identity.TeamId team, String name, String granularity,
			String... courses) throws Exception {
		String answer = mvc.perform(post("/api/v1/teams/" + team.value() + "/outcomes")
			.header("Authorization", bearer(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(name, granularity, null, courses)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.revision").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(answer).get("id").asString();
	}

	private static String body(String name, String granularity, Integer revision, String... courses) {
		return JSON.writeValueAsString(java.util.Map.of("name", name, "unit", "escalations", "direction",
				"LOWER_IS_BETTER", "granularity", granularity, "description", "Calls passed to second line.",
				"courseIds", java.util.List.of(courses), "revision", revision == null ? "" : revision));
	}

	private ResultActions putValue(String id, String period, double value) throws Exception {
		return mvc.perform(put("/api/v1/outcomes/" + id + "/values/" + period).header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":" + value + "}"));
	}

	private void completed(PersonId who, String course, String at) {
		history.add(who, Verb.COMPLETED, ActivityType.COURSE, course, course, at, true);
	}

	private void mastered(PersonId who, String course, String at) {
		history.add(who, Verb.MASTERED, ActivityType.COURSE, course, course, at, true);
	}

	private String bearer(PersonId id) {
		return "Bearer " + fixtures.token(id);
	}
}
