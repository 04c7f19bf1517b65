package io.stride.cycles;

import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "Say thanks" form, kudos received, the team's feed with the month's contributors, and contributions. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class KudosPageTests {

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
	void aLearnerThanksATeamMateFromTheFormAndTheirManagerSeesItOnTheTeamPage() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.learnerSubA()), "Escalations " + org.suffix());
		String form = mvc.perform(get("/kudos/new").param("course", course.id().value()).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<h1>Say thanks</h1>", "<label for=\"to\">", "<label for=\"message\">",
				"<label for=\"courseId\">", ">Learner A1</option>", "name=\"_csrf\"");
		assertThat(form).as("the course named by the link is chosen").containsPattern(
				"value=\"" + course.id().value() + "\"\\s+selected");

		mvc.perform(post("/kudos").with(as(org.learnerA())).with(csrf())
			.param("to", org.learnerSubA().value())
			.param("message", "Thanks for <b>the</b> escalation walk-through")
			.param("courseId", course.id().value()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/kudos/new"));

		String received = mvc.perform(get("/people/" + org.learnerSubA().value() + "/kudos").with(as(org.learnerSubA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(received).contains("<main id=\"main\"", "Kudos I received", "Learner A",
				"Thanks for &lt;b&gt;the&lt;/b&gt; escalation walk-through", "for “" + course.title() + "”");

		String team = mvc.perform(get("/teams/" + org.teamA().value() + "/kudos").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(team).contains("Kudos and contributors: Team A", "<strong>Learner A</strong>", "thanked Learner A1", "id=\"contributors\"",
				"class=\"overflow-auto\"", "<label for=\"month\">");
		assertThat(team).containsPattern("Learner A1</a></td>\\s*<td>1</td>\\s*<td>0</td>\\s*<td>1</td>\\s*<td>2</td>");

		String contributions = mvc.perform(get("/people/" + org.learnerSubA().value() + "/contributions").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(contributions).contains("Contributions of Learner A1", course.title(), "no reactions yet",
				"Kudos received: 1");
	}

	@Test
	void aColleagueOutsideTheTeamsIsThankedByEmail() throws Exception {
		mvc.perform(post("/kudos").with(as(org.learnerA())).with(csrf())
			.param("toEmail", org.email("learner-b"))
			.param("message", "Thanks for the pairing"))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/people/" + org.learnerB().value() + "/kudos").with(as(org.managerB())))
			.andReturn().getResponse().getContentAsString()).contains("Thanks for the pairing");
	}

	@Test
	void refusalsShowNextToTheirFieldWithWhatWasTyped() throws Exception {
		String self = mvc.perform(post("/kudos").with(as(org.learnerA())).with(csrf())
			.param("to", org.learnerA().value())
			.param("message", "Me again"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(self).contains("id=\"to-error\"", "kudos cannot go to yourself", "Me again", "aria-invalid=\"true\"");
		String unknown = mvc.perform(post("/kudos").with(as(org.learnerA())).with(csrf())
			.param("toEmail", "nobody-" + org.suffix() + "@stride.test")
			.param("message", "Hello"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(unknown).contains("No active colleague has this email.");
		String empty = mvc.perform(post("/kudos").with(as(org.learnerA())).with(csrf())
			.param("to", org.learnerSubA().value())
			.param("message", ""))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("id=\"message-error\"", "Say what you thank them for.");
		String course = mvc.perform(post("/kudos").with(as(org.learnerA())).with(csrf())
			.param("to", org.learnerSubA().value())
			.param("message", "Thanks")
			.param("courseId", "not-a-course"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(course).contains("id=\"courseId-error\"", "Choose a published course, or none.");
	}

	@Test
	void pagesShowEmptyStatesAndAnotherTeamsManagerGetsNotFound() throws Exception {
		assertThat(mvc.perform(get("/people/" + org.learnerA().value() + "/kudos").with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("id=\"no-kudos\"", "No kudos yet.");
		assertThat(mvc.perform(get("/teams/" + org.teamA().value() + "/kudos").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("id=\"no-contributors\"", "id=\"no-kudos\"");
		assertThat(mvc.perform(get("/people/" + org.learnerA().value() + "/contributions").with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("My contributions", "id=\"no-courses\"");

		mvc.perform(get("/teams/" + org.teamA().value() + "/kudos").with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/people/" + org.learnerA().value() + "/kudos").with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/people/" + org.learnerA().value() + "/contributions").with(as(org.managerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCapabilityProfileAndTheTeamPageLinkHere() throws Exception {
		assertThat(mvc.perform(get("/people/" + org.learnerA().value() + "/capabilities").with(as(org.learnerA())))
			.andReturn().getResponse().getContentAsString())
			.contains("href=\"/people/" + org.learnerA().value() + "/kudos\"");
		assertThat(mvc.perform(get("/teams/" + org.teamA().value()).with(as(org.managerA())))
			.andReturn().getResponse().getContentAsString())
			.contains("href=\"/teams/" + org.teamA().value() + "/kudos\"");
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
