package io.stride.mastery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.practice.Practice;
import io.stride.practice.ReviewCard;
import io.stride.shared.Ids;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mastery and review pages as a signed-in browser gets them: what each person sees, forms that refuse with a
 * message next to the field, and pages that are not theirs answering 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class MasteryPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	Practice practice;

	@Autowired
	MovableClock clock;

	Org org;

	Course course;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Quarterly reviews " + org.suffix());
	}

	@Test
	void aManagerSetsCriteriaAndATaskAndSeesWhoIsMissingWhat() throws Exception {
		take(org.learnerA());
		String page = "/teams/" + org.teamA().value() + "/mastery/" + course.id().value();
		String low = mvc.perform(post(page + "/criteria").with(as(org.managerA())).with(csrf()).param("passMark", "60"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(low).contains("The pass mark can&#39;t be lower than the organization&#39;s default of 80%.", "aria-invalid=\"true\"");
		String unknown = mvc.perform(post(page + "/criteria").with(as(org.managerA())).with(csrf())
				.param("passMark", "90").param("experts", "nobody-" + org.suffix() + "@stride.test"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(unknown).contains("No active person has the email nobody-" + org.suffix() + "@stride.test.");

		mvc.perform(post(page + "/criteria").with(as(org.managerA())).with(csrf()).param("passMark", "90")
				.param("experts", org.email("learner-b")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page + "/tasks").with(as(org.managerA())).with(csrf()).param("title", "Runs the QBR alone"))
			.andExpect(status().is3xxRedirection());

		String team = html(page, org.managerA());
		assertThat(team).contains("Quiz score of at least 90%; every task on the observed checklist signed off.",
				"Named experts who may sign off tasks: Learner B.", "Runs the QBR alone", "id=\"criteria-form\"",
				"0 of 3 mastered.", "100% (needs 90%)", "0 of 1");
		assertThat(html("/teams/" + org.teamA().value() + "/mastery", org.managerA())).contains(course.title(),
				"This team&#39;s own");
		// the expert sees the people and may sign off, but not change the criteria
		String expert = html(page, org.learnerB());
		assertThat(expert).contains("Runs the QBR alone", "Learner A").doesNotContain("id=\"criteria-form\"");
		mvc.perform(get(page).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/teams/" + org.teamA().value() + "/mastery").with(as(org.learnerB()))).andExpect(status().isNotFound());
	}

	@Test
	void anExpertSignsOffOnTheLearnersPageAndTheLearnerSeesWhy() throws Exception {
		take(org.learnerA());
		String page = "/teams/" + org.teamA().value() + "/mastery/" + course.id().value();
		mvc.perform(post(page + "/criteria").with(as(org.managerA())).with(csrf()).param("experts", org.email("learner-b")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page + "/tasks").with(as(org.managerA())).with(csrf()).param("title", "Handles an angry customer"))
			.andExpect(status().is3xxRedirection());
		String learnerPage = page + "/people/" + org.learnerA().value();
		String before = html(learnerPage, org.learnerB());
		assertThat(before).contains("Not mastered: 1 of 2 criteria met", "Handles an angry customer", "Sign off");
		String taskId = before.replaceAll("(?s).*name=\"taskId\" value=\"([^\"]+)\".*", "$1");

		String future = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
		String refused = mvc.perform(post(learnerPage + "/sign-offs").with(as(org.learnerB())).with(csrf())
				.param("taskId", taskId).param("observedOn", future).param("note", ""))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("The day you watched can&#39;t be in the future.", "Say in a sentence what you watched.");

		mvc.perform(post(learnerPage + "/sign-offs").with(as(org.learnerB())).with(csrf()).param("taskId", taskId)
				.param("observedOn", LocalDate.now(ZoneOffset.UTC).toString()).param("note", "Stayed calm, solved it."))
			.andExpect(status().is3xxRedirection());
		String after = html(learnerPage, org.learnerB());
		assertThat(after).contains("Mastered", "signed off by Learner B on", "Stayed calm, solved it.", "Withdraw");
		assertThat(html(learnerPage, org.managerA())).as("only the signer is offered to withdraw").doesNotContain(">Withdraw<");
		assertThat(html("/mastery", org.learnerA())).contains("Mastered on", "signed off by Learner B", "Best score 100% ≥ 80%");
		assertThat(html("/mastery", org.learnerB())).contains("Checklists you sign off", course.title());

		String withdrawLink = after.replaceAll("(?s).*href=\"(/teams/[^\"]+/withdraw)\".*", "$1");
		assertThat(html(withdrawLink, org.learnerB())).contains("Withdraw the sign-off", "Keep it");
		assertThat(html(withdrawLink, org.managerA())).contains("Only Learner B, who signed it off, can withdraw it.");
		mvc.perform(post(withdrawLink).with(as(org.managerA())).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(withdrawLink).with(as(org.learnerB())).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(html(learnerPage, org.managerA())).contains("Not mastered: 1 of 2 criteria met");
	}

	@Test
	void theReviewPageShowsOneQuestionThenFeedbackThenTheEmptyState() throws Exception {
		assertThat(html("/practice", org.learnerA())).contains("Nothing to review yet.");
		take(org.learnerA());
		assertThat(html("/practice", org.learnerA())).contains("Nothing due today — next review on "
				+ LocalDate.now(clock).plusDays(3) + ".", "Predicted recall per course", course.title());
		clock.advance(Duration.ofDays(3));
		String queue = html("/practice", org.learnerA());
		assertThat(queue).contains("Question 1 of 2 today", "Report within?", "Check answer");

		ReviewCard card = practice.queue(fixtures.viewer(org.learnerA())).next();
		mvc.perform(post("/practice/answers").with(as(org.learnerA())).with(csrf()).param("cardId", card.cardId())
				.param("reviewNumber", "0"))
			.andExpect(status().isUnprocessableContent());
		String location = mvc.perform(post("/practice/answers").with(as(org.learnerA())).with(csrf())
				.param("cardId", card.cardId()).param("reviewNumber", "0").param("option", "0").param("feeling", "AS_EXPECTED"))
			.andExpect(redirectedUrlPattern("/practice/reviews/*"))
			.andReturn().getResponse().getRedirectedUrl();
		String result = html(location, org.learnerA());
		assertThat(result).contains("Right.", "This question comes back on " + LocalDate.now(clock).plusDays(11)
				+ " (in 11 days).", "The policy says 1 hour.", "Next question");
		mvc.perform(get(location).with(as(org.learnerB()))).andExpect(status().isNotFound());
	}

	@Test
	void retentionAndTheAdminDefaultArePagesForTheirPeopleOnly() throws Exception {
		take(org.learnerA());
		assertThat(html("/teams/" + org.teamA().value() + "/retention", org.managerA()))
			.contains("Retention in Team A " + org.suffix(), course.title(), "100%");
		mvc.perform(get("/teams/" + org.teamA().value() + "/retention").with(as(org.managerB())))
			.andExpect(status().isNotFound());
		assertThat(html("/admin/mastery", fixtures.admin().id())).contains("Default pass mark for mastery (%)", "value=\"80\"");
		mvc.perform(get("/admin/mastery").with(as(org.managerA()))).andExpect(status().is4xxClientError());
		String invalid = mvc.perform(post("/admin/mastery").with(as(fixtures.admin().id())).with(csrf())
				.param("passMark", "0").param("revision", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(invalid).contains("Give a pass mark from 1 to 100%.");
	}

	private void take(PersonId learner) {
		List<Answer> answers = course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList();
		assessment.submit(fixtures.viewer(learner), course.id(), answers, Ids.newId());
	}

	private String html(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
