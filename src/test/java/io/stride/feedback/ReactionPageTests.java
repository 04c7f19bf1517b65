package io.stride.feedback;

import java.util.List;

import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reactions in the pages: the form under each lesson, the author's lists and the score on the course's page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReactionPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Feedback feedback;

	Org org;

	Course course;

	String lessonPath;

	@BeforeEach
	void courseByManagerA() {
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Pages " + org.suffix());
		lessonPath = "/learning/courses/" + course.id() + "/lessons/" + course.lessons().get(0).id();
	}

	@Test
	void aLearnerReactsUnderTheLessonAndSeesTheAuthorsAnswerThere() throws Exception {
		Document lesson = page(lessonPath, org.learnerA());
		assertThat(lesson.select("#reaction-form input[type=radio]").eachAttr("value")).containsExactly("HELPFUL", "UNCLEAR", "OUTDATED");
		assertThat(lesson.select("#reaction-form input[checked]")).isEmpty();
		assertThat(lesson.select("label[for=reaction-comment]")).hasSize(1);

		mvc.perform(post(lessonPath + "/reaction").param("kind", "UNCLEAR").param("comment", "Which form?")
			.with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl(lessonPath + "#reaction"))
			.andExpect(flash().attribute("reactionNotice", containsString("The author sees your reaction")));
		lesson = page(lessonPath, org.learnerA());
		assertThat(lesson.select("#your-reaction").text()).contains("You said: Unclear").contains("has not answered yet");
		assertThat(lesson.select("#reaction-unclear").hasAttr("checked")).isTrue();
		assertThat(lesson.select("#reaction-comment").text()).isEqualTo("Which form?");
		assertThat(lesson.select("#send-reaction").text()).isEqualTo("Change my reaction");

		String requestId = feedback.course(fixtures.viewer(org.managerA()), course.id(), java.util.List.of(ImprovementRequest.Status.OPEN))
			.requests()
			.get(0)
			.id();
		mvc.perform(post("/improvement-requests/" + requestId + "/resolve").param("reply", "The incident form.")
			.param("courseId", course.id().value())
			.with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/courses/" + course.id() + "/improvement-requests"));
		lesson = page(lessonPath, org.learnerA());
		assertThat(lesson.select("#author-reply").text()).contains("The author answered").contains("The incident form.");
	}

	@Test
	void anInvalidReactionIsNotSavedAndSaysWhy() throws Exception {
		var result = mvc.perform(post(lessonPath + "/reaction").param("comment", "x".repeat(1001))
			.with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl(lessonPath + "#reaction"))
			.andReturn();
		var flashed = result.getFlashMap();
		assertThat((String) flashed.get("reactionProblem")).contains("Choose helpful, unclear or outdated").contains("1000 characters");
		Document lesson = Jsoup.parse(mvc.perform(get(lessonPath).with(as(org.learnerA())).cookie(result.getResponse().getCookies()))
			.andReturn().getResponse().getContentAsString());
		assertThat(lesson.select("#reaction-problem").text()).contains("Your reaction was not saved");
		assertThat(lesson.select("#kind-error").text()).contains("Choose helpful");
		assertThat(lesson.select("#comment-error").text()).contains("1000");
		assertThat(lesson.select("#reaction-comment").text()).hasSize(1001);
		assertThat(lesson.select("#your-reaction")).isEmpty();
	}

	@Test
	void theAuthorAnswersFromTheCourseListAndTheOverview() throws Exception {
		feedback.react(fixtures.viewer(org.learnerA()), course.id(), course.lessons().get(0).id(), "UNCLEAR",
				"<script>alert('x')</script> what?");
		feedback.react(fixtures.viewer(org.learnerB()), course.id(), course.lessons().get(1).id(), "HELPFUL", null);
		String coursePage = "/courses/" + course.id() + "/improvement-requests";
		Document list = page(coursePage, org.managerA());
		// two reactions are too few for a score: the page gives the counts and says so
		assertThat(list.select("#reaction-score").text())
			.isEqualTo("Reaction score: too few reactions to go by (2 so far; a score shows from 5). 1 helpful, 1 unclear, 0 outdated.");
		assertThat(list.select("#lesson-scores li").eachText()).containsExactly(
				"Spot it: too few reactions to go by (1 so far; a score shows from 5). 0 helpful, 1 unclear, 0 outdated.",
				"Report it: too few reactions to go by (1 so far; a score shows from 5). 1 helpful, 0 unclear, 0 outdated.");
		assertThat(list.select("article.request h3").text()).contains("Unclear: Spot it");
		assertThat(list.select("article.request blockquote").text()).isEqualTo("<script>alert('x')</script> what?");
		assertThat(list.select("script").eachAttr("src")).allMatch(src -> !src.isEmpty());
		assertThat(list.text()).doesNotContain("Learner A");

		// an empty reply is refused next to the field
		String requestId = list.select("article.request").attr("id").substring("request-".length());
		Document refused = Jsoup.parse(mvc.perform(post("/improvement-requests/" + requestId + "/resolve").param("reply", " ")
			.with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#reply-" + requestId + "-error").text()).contains("Write a reply");
		assertThat(refused.select("#reply-" + requestId).attr("aria-invalid")).isEqualTo("true");

		Document overview = page("/improvement-requests", org.managerA());
		assertThat(overview.select("#course-scores li").text()).contains(course.title()).contains("Reaction score: too few reactions to go by (2 so far; a score shows from 5)")
			.contains("1 open");
		assertThat(overview.select("article.request h3").text()).contains("Unclear: Spot it").contains(course.title());
		mvc.perform(post("/improvement-requests/" + requestId + "/resolve").param("reply", "Added an example.")
			.with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/improvement-requests"));
		assertThat(page("/improvement-requests", org.managerA()).select("#no-requests")).hasSize(1);
		assertThat(page("/improvement-requests?show=all", org.managerA()).select(".request-reply").text()).contains("Added an example.");
		assertThat(page("/courses", org.managerA()).select("#improvement-requests").attr("href")).isEqualTo("/improvement-requests");
	}

	@Test
	void onlyTheAuthorSeesTheScoreAndTheRequests() throws Exception {
		Document assign = page("/courses/" + course.id() + "/assign", org.managerA());
		assertThat(assign.select("#reaction-score").text()).isEqualTo("Reaction score: no reactions yet.");
		assertThat(assign.select("#improvement-requests-link").text()).isEqualTo("Improvement requests (none open)");
		feedback.react(fixtures.viewer(org.learnerA()), course.id(), course.lessons().get(0).id(), "OUTDATED", null);
		assign = page("/courses/" + course.id() + "/assign", org.managerA());
		// one "outdated" is not a score of −100
		assertThat(assign.select("#reaction-score").text())
			.isEqualTo("Reaction score: too few reactions to go by (1 so far; a score shows from 5). 0 helpful, 0 unclear, 1 outdated.");
		for (PersonId learner : List.of(org.learnerB(), org.learnerSubA(), org.managerB())) {
			feedback.react(fixtures.viewer(learner), course.id(), course.lessons().get(0).id(), "HELPFUL", null);
		}
		feedback.react(fixtures.viewer(org.learnerA()), course.id(), course.lessons().get(1).id(), "HELPFUL", null);
		assertThat(page("/courses/" + course.id() + "/assign", org.managerA()).select("#reaction-score").text())
			.isEqualTo("Reaction score: 60 (from −100 to 100) from 5 reactions. 4 helpful, 0 unclear, 1 outdated.");
		assertThat(assign.select("#improvement-requests-link").text()).isEqualTo("Improvement requests (1 open)");

		assertThat(page("/courses/" + course.id() + "/assign", org.managerB()).select("#course-reactions")).isEmpty();
		mvc.perform(get("/courses/" + course.id() + "/improvement-requests").with(as(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/courses/" + course.id() + "/improvement-requests").with(as(org.learnerA())))
			.andExpect(status().isNotFound());
		assertThat(page("/improvement-requests", org.managerB()).select("article.request")).isEmpty();
	}

	private Document page(String path, PersonId person) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}
}
