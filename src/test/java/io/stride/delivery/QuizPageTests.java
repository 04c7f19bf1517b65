package io.stride.delivery;

import java.time.Duration;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.authoring.QuizSettings;
import io.stride.support.EveryKind;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.stride.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quiz, its result and the knowledge checks as pages, without JavaScript (and the small JSON endpoint the
 * script saves answers through).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class QuizPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	@Autowired
	MovableClock clock;

	Org org;

	RequestPostProcessor learner;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		learner = as(fixtures.viewerPerson(org.learnerA()));
	}

	private Course published(QuizSettings settings) {
		var author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, EveryKind.course("Every kind " + org.suffix(), settings));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(learner)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private String q(Course course, int index) {
		return "q-" + course.quiz().questions().get(index).id();
	}

	private MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request, Course course) {
		return request.with(learner).with(csrf())
			.param(q(course, EveryKind.SINGLE), "0")
			.param(q(course, EveryKind.MULTIPLE), "0", "1")
			.param(q(course, EveryKind.ORDERING) + "-pos-0", "1")
			.param(q(course, EveryKind.ORDERING) + "-pos-1", "2")
			.param(q(course, EveryKind.SHORT) + "-text", "creme brulee")
			.param(q(course, EveryKind.MATCHING) + "-match-0", "1")
			.param(q(course, EveryKind.NUMERIC) + "-text", "1,55");
	}

	@Test
	void answersAreSavedWithoutJavaScriptShownAgainAndSubmittedOnce() throws Exception {
		Course course = published(QuizSettings.NONE);
		String quiz = "/learning/courses/" + course.id() + "/quiz";
		Document first = page(quiz);
		String attemptId = first.select("input[name=attemptId]").val();
		assertThat(first.select("#" + q(course, EveryKind.SHORT) + "-text")).hasSize(1);
		assertThat(first.select("#" + q(course, EveryKind.NUMERIC) + "-text").attr("inputmode")).isEqualTo("decimal");
		assertThat(first.text()).contains("kg").contains("Partial credit").contains("Each correct pair");
		assertThat(first.select("select[name=" + q(course, EveryKind.MATCHING) + "-match-1] option")).hasSize(3);

		mvc.perform(answers(post(quiz), course).param("attemptId", attemptId).param("action", "save"))
			.andExpect(redirectedUrl(quiz))
			.andExpect(flash().attribute("notice", containsString("saved")));
		Document again = page(quiz);
		assertThat(again.select("input[name=attemptId]").val()).isEqualTo(attemptId);
		assertThat(again.text()).contains("your saved answers are filled in");
		assertThat(again.select("input[name=" + q(course, EveryKind.MULTIPLE) + "][checked]").eachAttr("value"))
			.containsExactlyInAnyOrder("0", "1");
		assertThat(again.select("#" + q(course, EveryKind.SHORT) + "-text").val()).isEqualTo("creme brulee");
		assertThat(again.select("#" + q(course, EveryKind.NUMERIC) + "-text").val()).isEqualTo("1,55");
		assertThat(again.select("#" + q(course, EveryKind.ORDERING) + "-pos-1 option[selected]").val()).isEqualTo("2");
		assertThat(again.select("#" + q(course, EveryKind.ORDERING) + "-pos-2 option[selected]")).isEmpty();
		assertThat(again.select("#" + q(course, EveryKind.MATCHING) + "-match-0 option[selected]").val()).isEqualTo("1");

		String result = "/learning/courses/" + course.id() + "/attempts/" + attemptId;
		mvc.perform(answers(post(quiz), course).param("attemptId", attemptId)).andExpect(redirectedUrl(result));
		mvc.perform(answers(post(quiz), course).param("attemptId", attemptId)).andExpect(redirectedUrl(result));
		assertThat(assessment.attemptsOf(fixtures.viewer(org.learnerA()), course.id())).hasSize(1);

		Document feedback = page(result);
		// 1 + 2/3 + 0 (true/false unanswered) + 0 (order incomplete) + 1 + 1/2 + 1 = 4 1/6 of 7: 60%
		assertThat(feedback.select("#score").text()).contains("60%").contains("3 of 7 right").contains("4.17 points");
		assertThat(feedback.select("section[data-verdict=PARTLY_RIGHT]")).hasSize(2);
		String multiple = feedback.select("section[data-verdict=PARTLY_RIGHT]").first().text();
		assertThat(multiple).contains("Which are signs?", "Partly right.", "67% of the point", "Your answer: Resets Changed files",
				"Right answer: Resets Changed files Noise", "Why: Three of them are signs.", "Partial credit");
		assertThat(feedback.select("section[data-verdict=WRONG]").text()).contains("Wait for proof?", "none given", "False");
		assertThat(feedback.text()).contains("France → Paris", "Spain → Madrid", "1.5 ± 0.1 kg", "1,55 kg");
	}

	@Test
	void anAnswerWithANulIsRefusedNamingItsFieldAndNothingIsSaved() throws Exception {
		Course course = published(QuizSettings.NONE);
		String quiz = "/learning/courses/" + course.id() + "/quiz";
		String attemptId = page(quiz).select("input[name=attemptId]").val();
		String shortAnswer = q(course, EveryKind.SHORT) + "-text";
		Document refused = Jsoup.parse(mvc.perform(answers(post(quiz), course).param("attemptId", attemptId)
				.param("action", "save").param(shortAnswer, "brulee\u0000"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(refused.select("main li").eachText()).anySatisfy(item -> assertThat(item).startsWith(shortAnswer + ":"));
		mvc.perform(post(quiz + "/answers").with(learner).with(csrf()).param("attemptId", attemptId)
				.param("questionId", course.quiz().questions().get(EveryKind.SHORT).id()).param(shortAnswer, "brulee\u0007"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['" + shortAnswer + "']", containsString("control character")));
		Document again = page(quiz);
		assertThat(again.text()).doesNotContain("your saved answers are filled in");
		assertThat(again.select("#" + shortAnswer).val()).isEmpty();
	}

	@Test
	void goingBackAfterSubmittingShowsTheResultAndOnlyTryAgainStartsAnotherAttempt() throws Exception {
		Course course = published(new QuizSettings(3, null, null, false));
		String quiz = "/learning/courses/" + course.id() + "/quiz";
		String first = page(quiz).select("input[name=attemptId]").val();
		String result = "/learning/courses/" + course.id() + "/attempts/" + first;
		mvc.perform(answers(post(quiz), course).param("attemptId", first)).andExpect(redirectedUrl(result));

		// the browser's back button asks for the quiz page again
		mvc.perform(get(quiz).with(learner)).andExpect(redirectedUrl(result));
		mvc.perform(get(quiz).with(learner)).andExpect(redirectedUrl(result));
		assertThat(assessment.current(fixtures.viewer(org.learnerA()), course.id())).as("no attempt started unasked").isEmpty();
		Document shown = page(result);
		assertThat(shown.select("#score").text()).contains("60%", "Passed");
		assertThat(shown.select("form[method=post] #retake").text()).isEqualTo("Try again (2 attempts left)");
		assertThat(shown.select("form:has(#retake)").attr("action")).isEqualTo(quiz + "/start");

		mvc.perform(post(quiz + "/start").with(learner).with(csrf())).andExpect(redirectedUrl(quiz));
		Document second = page(quiz);
		assertThat(second.select("input[name=attemptId]").val()).isNotEqualTo(first);
		assertThat(second.text()).contains("This is attempt 2 of 3.");
	}

	@Test
	void aFailedAttemptShowsOnlyRightOrWrongUntilTheLearnerPasses() throws Exception {
		Course course = published(new QuizSettings(3, null, null, false));
		var me = fixtures.viewer(org.learnerA());
		String blank = assessment.submit(me, course.id(), List.<Answer>of(), "blank").attemptId();
		Document hidden = page("/learning/courses/" + course.id() + "/attempts/" + blank);
		assertThat(hidden.select("section[data-verdict=WRONG]")).hasSize(7);
		assertThat(hidden.select("#answers-hidden").text()).contains("once you pass");
		assertThat(hidden.text()).doesNotContain("Right answer", "Why:", "The policy says 1 hour.", "Madrid", "1.5 ± 0.1");

		assessment.submit(me, course.id(), List.of(new Answer(course.quiz().questions().get(EveryKind.SINGLE).id(), List.of(0)),
				new Answer(course.quiz().questions().get(EveryKind.ORDERING).id(), List.of(0, 1, 2)),
				new Answer(course.quiz().questions().get(EveryKind.SHORT).id(), List.of(), "creme brulee"),
				new Answer(course.quiz().questions().get(EveryKind.NUMERIC).id(), List.of(), "1.5")), "pass");
		Document shown = page("/learning/courses/" + course.id() + "/attempts/" + blank);
		assertThat(shown.select("#answers-hidden")).isEmpty();
		assertThat(shown.text()).contains("Right answer: 1 hour", "Why: The policy says 1 hour.", "Spain → Madrid");
	}

	@Test
	void theScriptSavesOneAnswerAtATime() throws Exception {
		Course course = published(QuizSettings.NONE);
		String quiz = "/learning/courses/" + course.id() + "/quiz";
		String attemptId = page(quiz).select("input[name=attemptId]").val();
		Question shortAnswer = course.quiz().questions().get(EveryKind.SHORT);
		mvc.perform(post(quiz + "/answers").with(learner).with(csrf()).param("attemptId", attemptId)
				.param("questionId", shortAnswer.id()).param("q-" + shortAnswer.id() + "-text", "brulee")
				.param(q(course, EveryKind.SINGLE), "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.savedAt").exists());
		var saved = assessment.current(fixtures.viewer(org.learnerA()), course.id()).orElseThrow();
		assertThat(saved.answers()).containsOnlyKeys(shortAnswer.id());
		mvc.perform(post(quiz + "/answers").with(learner).with(csrf()).param("attemptId", attemptId)
				.param("questionId", course.quiz().questions().get(EveryKind.SINGLE).id()).param(q(course, EveryKind.SINGLE), "7"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("does not exist")));
		assessment.submit(fixtures.viewer(org.learnerA()), attemptId, List.of(), null);
		mvc.perform(post(quiz + "/answers").with(learner).with(csrf()).param("attemptId", attemptId)
				.param("questionId", shortAnswer.id()).param("q-" + shortAnswer.id() + "-text", "creme brulee"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.resultUrl").value("/learning/courses/" + course.id() + "/attempts/" + attemptId));
	}

	@Test
	void aTimedQuizStartsWhenTheLearnerSaysSoAndIsGradedWhenTimeRunsOut() throws Exception {
		Course course = published(new QuizSettings(2, 15, null, false));
		String quiz = "/learning/courses/" + course.id() + "/quiz";
		Document intro = page(quiz);
		assertThat(intro.text()).contains("You have 15 minutes", "2 attempts left");
		assertThat(assessment.current(fixtures.viewer(org.learnerA()), course.id())).as("not started by a look").isEmpty();
		mvc.perform(post(quiz + "/start").with(learner).with(csrf())).andExpect(redirectedUrl(quiz));
		Document running = page(quiz);
		assertThat(running.select("#time-left").text()).contains("15 minutes");
		assertThat(running.text()).contains("This is attempt 1 of 2.");
		String attemptId = running.select("input[name=attemptId]").val();
		mvc.perform(answers(post(quiz), course).param("attemptId", attemptId).param("action", "save"));
		clock.advance(Duration.ofMinutes(16));
		mvc.perform(get(quiz).with(learner))
			.andExpect(redirectedUrl("/learning/courses/" + course.id() + "/attempts/" + attemptId))
			.andExpect(flash().attribute("notice", containsString("Time was up")));
		Document result = page("/learning/courses/" + course.id() + "/attempts/" + attemptId);
		assertThat(result.select("#timed-out").text()).contains("Time ran out");
		assertThat(result.select("#score").text()).contains("60%");
		assertThat(result.select("#retake").text()).contains("1 attempt left");
	}

	@Test
	void aLearnerWithNoAttemptLeftIsToldWhy() throws Exception {
		Course course = published(new QuizSettings(1, null, null, false));
		assessment.submit(fixtures.viewer(org.learnerA()), course.id(), List.<Answer>of(), "only-one");
		var attempt = assessment.attemptsOf(fixtures.viewer(org.learnerA()), course.id()).get(0);
		String result = "/learning/courses/" + course.id() + "/attempts/" + attempt.attemptId();
		mvc.perform(get("/learning/courses/" + course.id() + "/quiz").with(learner)).andExpect(redirectedUrl(result));
		Document page = page(result);
		assertThat(page.select("#retake")).isEmpty();
		assertThat(page.select("#no-attempts-left").text()).contains("used every attempt");
		mvc.perform(post("/learning/courses/" + course.id() + "/quiz/start").with(learner).with(csrf()))
			.andExpect(redirectedUrl("/learning/courses/" + course.id()))
			.andExpect(flash().attribute("problem", containsString("used all 1 attempts")));
	}

	@Test
	void knowledgeChecksAreAnsweredOnTheLessonPage() throws Exception {
		Course course = published(QuizSettings.NONE);
		String lesson = "/learning/courses/" + course.id() + "/lessons/" + course.lessons().get(0).id();
		Question check = course.lessons().get(0).knowledgeChecks().get(0);
		Document before = page(lesson);
		assertThat(before.select("#checks-heading").text()).isEqualTo("Check what you learned");
		assertThat(before.select("#check-" + check.id() + " legend").text()).isEqualTo("Who gets the report?");
		assertThat(page("/learning/courses/" + course.id() + "/lessons/" + course.lessons().get(1).id())
			.select(".knowledge-checks")).isEmpty();

		String answer = lesson + "/checks/" + check.id();
		mvc.perform(post(answer).with(learner).with(csrf()).param("q-" + check.id() + "-text", "my manager"))
			.andExpect(redirectedUrl(lesson + "#check-" + check.id()));
		Document after = page(lesson);
		assertThat(after.select("#check-" + check.id() + "-feedback").text())
			.contains("Wrong.", "Your answer: my manager", "the data protection officer", "Why: The DPO decides what happens next.");
		assertThat(after.select("#q-" + check.id() + "-text").val()).isEqualTo("my manager");

		String fragment = mvc.perform(post(answer).with(learner).with(csrf()).header("X-Stride-Fragment", "check")
				.param("q-" + check.id() + "-text", "D.P.O."))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document piece = Jsoup.parse(fragment);
		assertThat(fragment).doesNotContain("<html").doesNotContain("<h1");
		assertThat(piece.select(".knowledge-check .check-feedback").text()).contains("Right.");
		mvc.perform(post(answer).with(learner).with(csrf()).header("X-Stride-Fragment", "check")
				.param("q-" + check.id() + "-text", "x".repeat(501)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not checked: Keep the answer under 500 characters.")));
		mvc.perform(post(lesson + "/checks/" + course.quiz().questions().get(0).id()).with(learner).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(assessment.attemptsOf(fixtures.viewer(org.learnerA()), course.id())).isEmpty();
	}
}
