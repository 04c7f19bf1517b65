package io.stride.cycles;

import java.time.YearMonth;
import java.time.ZoneOffset;

import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Kudos and contributions through the API: each endpoint's answer and its refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class KudosApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aColleagueIsThankedForACourseAndTheThanksShowsToThemTheirManagerAndTheTeamFeed() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.learnerA()), "Escalations " + org.suffix());
		give(org.learnerB(), "{\"to\":\"" + org.learnerA().value() + "\",\"message\":\"Your course saved my week\","
				+ "\"courseId\":\"" + course.id().value() + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.fromName").value("Learner B"))
			.andExpect(jsonPath("$.toName").value("Learner A"))
			.andExpect(jsonPath("$.courseTitle").value(course.title()));

		for (PersonId who : new PersonId[] { org.learnerA(), org.managerA() }) {
			mvc.perform(get("/api/v1/people/" + org.learnerA().value() + "/kudos").header("Authorization", bearer(who)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items", hasSize(1)))
				.andExpect(jsonPath("$.items[0].message").value("Your course saved my week"))
				.andExpect(jsonPath("$.hasMore").value(false));
		}
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/kudos").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].toId").value(org.learnerA().value()));
		mvc.perform(get("/api/v1/people/" + org.learnerA().value() + "/contributions").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.courses[0].title").value(course.title()))
			.andExpect(jsonPath("$.courses[0].learners").value(0))
			.andExpect(jsonPath("$.courses[0].reactionScore").doesNotExist())
			.andExpect(jsonPath("$.kudosReceived").value(1));
		String month = YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/contributors?month=" + month)
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Learner A"))
			.andExpect(jsonPath("$[0].coursesPublished").value(1))
			.andExpect(jsonPath("$[0].kudosReceived").value(1))
			.andExpect(jsonPath("$[0].total").value(2));
	}

	@Test
	void anotherTeamsManagerAndColleaguesGetNotFound() throws Exception {
		String person = "/api/v1/people/" + org.learnerA().value();
		String team = "/api/v1/teams/" + org.teamA().value();
		for (String path : new String[] { person + "/kudos", person + "/contributions", team + "/kudos", team + "/contributors" }) {
			mvc.perform(get(path).header("Authorization", bearer(org.managerB()))).andExpect(status().isNotFound());
			mvc.perform(get(path).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		}
	}

	@Test
	void badKudosGet422AtTheField() throws Exception {
		give(org.learnerA(), "{\"to\":\"" + org.learnerA().value() + "\",\"message\":\"Me\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.to").value("Thank someone else: kudos cannot go to yourself."));
		give(org.learnerA(), "{\"to\":\"" + org.learnerB().value() + "\",\"message\":\"\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.message").value("Say what you thank them for."));
		give(org.learnerA(), "{\"to\":\"" + org.learnerB().value() + "\",\"message\":\"" + "x".repeat(501) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.message").value(containsString("500 characters")));
		give(org.learnerA(), "{\"to\":\"" + org.learnerB().value() + "\",\"message\":\"Thanks\",\"courseId\":\"nope\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value("Choose a published course, or none."));
		give(org.learnerA(), "{\"to\":\"nobody\",\"message\":\"Thanks\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.to").value("Choose an active colleague."));
		for (int i = 0; i < Kudos.MAX_PER_DAY; i++) {
			give(org.learnerA(), "{\"to\":\"" + org.learnerB().value() + "\",\"message\":\"Thanks " + i + "\"}")
				.andExpect(status().isCreated());
		}
		give(org.learnerA(), "{\"to\":\"" + org.learnerB().value() + "\",\"message\":\"Once more\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("20 kudos today")));
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/contributors?month=2027-13")
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.month").exists());
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Kudos\"", "/api/v1/kudos", "/api/v1/people/{id}/kudos", "/api/v1/teams/{id}/kudos",
				"/api/v1/people/{id}/contributions", "/api/v1/teams/{id}/contributors", "KudosBody", "ContributorView");
	}

	private ResultActions give(PersonId who, String body) throws Exception {
		return mvc.perform(post("/api/v1/kudos").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
