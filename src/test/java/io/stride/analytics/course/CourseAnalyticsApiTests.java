package io.stride.analytics.course;

import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The analytics endpoint: its fixed fields, and each refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseAnalyticsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CourseAnalyticsFixtures story;

	History h;

	@BeforeEach
	void history() {
		h = story.history("Complaints API");
	}

	@Test
	void theAuthorGetsTheFixedFieldsAndMore() throws Exception {
		analytics(h.author(), "").andExpect(status().isOk())
			.andExpect(jsonPath("$.opened").value(6))
			.andExpect(jsonPath("$.started").value(5))
			.andExpect(jsonPath("$.completed").value(3))
			.andExpect(jsonPath("$.passRate").value(0.75))
			.andExpect(jsonPath("$.medianMinutes").value(60.0))
			.andExpect(jsonPath("$.reactionScore").value(-33))
			.andExpect(jsonPath("$.funnel", hasSize(3)))
			.andExpect(jsonPath("$.funnel[0].lessonId").value(h.lesson(1)))
			.andExpect(jsonPath("$.funnel[0].reached").value(5))
			.andExpect(jsonPath("$.funnel[2].reached").value(3))
			.andExpect(jsonPath("$.funnel[2].dropOff").value(0.25))
			.andExpect(jsonPath("$.completionRate").value(0.6))
			.andExpect(jsonPath("$.attempts").value(4))
			.andExpect(jsonPath("$.openImprovementRequests").value(2))
			.andExpect(jsonPath("$.trend", hasSize(2)))
			.andExpect(jsonPath("$.trend[1].week").value("2026-W11"))
			.andExpect(jsonPath("$.trend[1].completed").value(1));
	}

	@Test
	void adminsSeeEveryoneAndFilterByTeamAndPeriod() throws Exception {
		mvc.perform(get("/api/v1/courses/" + h.course().id().value() + "/analytics")
				.param("teamId", h.org().teamA().value())
				.param("from", "2026-03-02")
				.param("to", "2026-03-08")
				.header("Authorization", "Bearer " + fixtures.token(adminId())))
			.andExpect(status().isOk())
			// team A tree in week 10: P1 and P2 opened and completed
			.andExpect(jsonPath("$.opened").value(2))
			.andExpect(jsonPath("$.completed").value(2))
			.andExpect(jsonPath("$.medianMinutes").value(65.0))
			.andExpect(jsonPath("$.teamId").value(h.org().teamA().value()));
	}

	@Test
	void aManagerSeesTheirTeamAndGetsNotFoundForAnother() throws Exception {
		analytics(h.org().managerA(), "?teamId=" + h.org().teamA().value()).andExpect(status().isOk())
			.andExpect(jsonPath("$.opened").value(3));
		analytics(h.org().managerA(), "?teamId=" + h.org().teamB().value()).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		// a team id that does not exist looks the same to a manager as another manager's team
		analytics(h.org().managerA(), "?teamId=no-such-team").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void theLearningTeamSeesEveryoneAndOtherReviewersOnlyWhatTheyWrite() throws Exception {
		String suffix = h.org().suffix();
		// a reviewer nobody has set up counts as L&D, as for reviews: every learner, like the author
		PersonId learningTeam = fixtures.person(fixtures.admin(), "Lea Learning", "lea", suffix, Set.of(), Set.of(),
				Role.REVIEWER);
		analytics(learningTeam, "").andExpect(status().isOk())
			.andExpect(jsonPath("$.opened").value(6))
			.andExpect(jsonPath("$.completed").value(3));
		analytics(learningTeam, "?teamId=" + h.org().teamB().value()).andExpect(status().isOk());
		// a compliance reviewer is not L&D: as for any learner, there is no such course
		PersonId compliance = fixtures.person(fixtures.admin(), "Cora Compliance", "cora", suffix, Set.of(), Set.of(),
				Role.REVIEWER);
		fixtures.complianceReviewer(compliance);
		analytics(compliance, "").andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + h.course().id().value() + "/item-analysis")
				.header("Authorization", "Bearer " + fixtures.token(compliance)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + h.course().id().value() + "/item-analysis")
				.header("Authorization", "Bearer " + fixtures.token(learningTeam)))
			.andExpect(status().isOk());
	}

	@Test
	void learnersGetNotFound() throws Exception {
		analytics(h.p1(), "").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void anonymousCallersAreUnauthorized() throws Exception {
		mvc.perform(get("/api/v1/courses/" + h.course().id().value() + "/analytics")).andExpect(status().isUnauthorized());
	}

	@Test
	void badDatesAndUnknownTeamsAreUnprocessable() throws Exception {
		analytics(h.author(), "?from=31.01.2026").andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("YYYY-MM-DD")))
			.andExpect(jsonPath("$.errors.from").exists());
		analytics(h.author(), "?from=2026-03-10&to=2026-03-01").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("before the start date")));
		analytics(h.author(), "?teamId=no-such-team").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.teamId", containsString("no team")));
	}

	@Test
	void aCourseWithoutActivityAnswersZerosAndNulls() throws Exception {
		var quiet = story.published(h.author(), CourseAnalyticsFixtures.threeLessons("Quiet " + h.org().suffix()));
		mvc.perform(get("/api/v1/courses/" + quiet.id().value() + "/analytics")
				.header("Authorization", "Bearer " + fixtures.token(h.author())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.opened").value(0))
			.andExpect(jsonPath("$.passRate").value(nullValue()))
			.andExpect(jsonPath("$.medianMinutes").value(nullValue()))
			.andExpect(jsonPath("$.reactionScore").value(nullValue()))
			.andExpect(jsonPath("$.funnel[0].reached").value(0))
			.andExpect(jsonPath("$.trend", hasSize(0)));
	}

	private ResultActions analytics(PersonId who, String query) throws Exception {
		return mvc.perform(get("/api/v1/courses/" + h.course().id().value() + "/analytics" + query)
			.header("Authorization", "Bearer " + fixtures.token(who)));
	}

	private PersonId adminId() {
		return fixtures.admin().id();
	}
}
