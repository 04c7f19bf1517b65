package io.stride.delivery;

import java.time.Duration;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.delivery.internal.ProgressStore;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My learning" in its sections, and "resume" taking the learner back where they left off.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class MyLearningPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Autowired
	Assessment assessment;

	@Autowired
	ProgressStore progress;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void spacedPracticeAndTheReviewQueueHaveNamesNobodyConfuses() throws Exception {
		PersonId reviewer = fixtures.person(fixtures.admin(), "Rita Reviewer", "rita", org.suffix(), java.util.Set.of(org.teamA()),
				java.util.Set.of(), io.stride.identity.Role.REVIEWER);
		Document page = Jsoup.parse(mvc.perform(get("/learning").with(SignedIn.as(fixtures.viewerPerson(reviewer))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var nav = page.select("nav[aria-label=Main] a");
		assertThat(nav.select("a[href=/practice]").text()).isEqualTo("Practice");
		assertThat(nav.select("a[href=/reviews]").text()).isEqualTo("Review queue");
		assertThat(nav.eachText()).doesNotContain("Review", "Reviews");
		Document practice = Jsoup.parse(mvc.perform(get("/practice").with(SignedIn.as(fixtures.viewerPerson(reviewer))))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(practice.select("h1").text()).isEqualTo("Practice");
	}

	@Test
	void coursesAreListedAsAssignedInProgressAndCompleted() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Course untouched = assigned(manager, "Untouched", 10);
		Course started = assigned(manager, "Started", 5);
		Course passed = assigned(manager, "Finished", 20);
		Viewer learner = fixtures.viewer(org.learnerA());
		delivery.readLesson(learner, started.id(), started.lessons().get(0).id());
		passed.lessons().forEach(lesson -> delivery.readLesson(learner, passed.id(), lesson.id()));
		assessment.submit(learner, passed.id(), correct(passed), "pass");

		Document page = page(org.learnerA());
		assertThat(page.select("#assigned li h3").eachText()).containsExactly(untouched.title());
		assertThat(page.select("#assigned li").text()).contains("Not started").contains("Due " + delivery.today().plusDays(10));
		assertThat(page.select("#in-progress li h3").eachText()).containsExactly(started.title());
		assertThat(page.select("#in-progress a.resume").attr("href"))
			.isEqualTo("/learning/courses/" + started.id() + "/resume");
		assertThat(page.select("#completed li h3").eachText()).containsExactly(passed.title());
		assertThat(page.select("#completed li").text()).contains("Passed").contains("score 100%");
		assertThat(page.select("#completed a.certificate-link").attr("href"))
			.isEqualTo("/learning/courses/" + passed.id() + "/certificate");
		// spaced review is shown only when something is due
		assertThat(page.select("#review-due")).isEmpty();

		mvc.perform(get("/api/v1/me/learning").header("Authorization", "Bearer " + fixtures.token(org.learnerA())))
			.andExpect(jsonPath("$[?(@.courseId == '" + untouched.id() + "')].section").value("ASSIGNED"))
			.andExpect(jsonPath("$[?(@.courseId == '" + started.id() + "')].section").value("IN_PROGRESS"))
			.andExpect(jsonPath("$[?(@.courseId == '" + passed.id() + "')].section").value("COMPLETED"));
	}

	@Test
	void pastTheDueDateACourseIsOverdueUntilItIsDone() throws Exception {
		Course course = assigned(fixtures.viewer(org.managerA()), "Due soon", 2);
		assertThat(page(org.learnerA()).select("#assigned .overdue")).isEmpty();
		clock.advance(Duration.ofDays(3));
		Document page = page(org.learnerA());
		assertThat(page.select("#assigned li.overdue-item h3").eachText()).containsExactly(course.title());
		assertThat(page.select("#assigned .overdue").text()).contains("overdue");
		mvc.perform(get("/api/v1/me/learning").header("Authorization", "Bearer " + fixtures.token(org.learnerA())))
			.andExpect(jsonPath("$[0].overdue").value(true));
		// finishing it clears the overdue state
		Viewer learner = fixtures.viewer(org.learnerA());
		course.lessons().forEach(lesson -> delivery.readLesson(learner, course.id(), lesson.id()));
		assessment.submit(learner, course.id(), correct(course), "late");
		assertThat(page(org.learnerA()).select(".overdue")).isEmpty();
	}

	@Test
	void aCourseToTakeAgainIsBackUnderAssignedWithItsReason() throws Exception {
		Course course = assigned(fixtures.viewer(org.managerA()), "Recertify", 30);
		Viewer learner = fixtures.viewer(org.learnerA());
		course.lessons().forEach(lesson -> delivery.readLesson(learner, course.id(), lesson.id()));
		assessment.submit(learner, course.id(), correct(course), "first");
		assertThat(page(org.learnerA()).select("#completed li h3").eachText()).containsExactly(course.title());
		progress.askToRecertify(course.id(), "Version 2 changed the content");
		Document page = page(org.learnerA());
		assertThat(page.select("#completed li")).isEmpty();
		assertThat(page.select("#assigned li").text()).contains(course.title())
			.contains("Take again: Version 2 changed the content");
		assertThat(page.select("#assigned a.start").text()).startsWith("Take it again");
	}

	@Test
	void emptyStatesSayWhatWillShowUp() throws Exception {
		Document page = page(org.learnerB());
		assertThat(page.select("#nothing-yet").text()).contains("Nothing is assigned to you yet");
		assertThat(page.select("#my-learning")).isEmpty();

		Course course = assigned(fixtures.viewer(org.managerA()), "Only one", 5);
		page = page(org.learnerA());
		assertThat(page.select("#assigned li h3").eachText()).containsExactly(course.title());
		assertThat(page.select("#in-progress .empty").text()).contains("No course under way");
		assertThat(page.select("#completed .empty").text()).contains("with your score and a certificate");
	}

	@Test
	void resumeGoesToTheNextUnreadLessonThenToTheQuiz() throws Exception {
		Course course = assigned(fixtures.viewer(org.managerA()), "Resume", 5);
		Viewer learner = fixtures.viewer(org.learnerA());
		var me = SignedIn.as(fixtures.viewerPerson(org.learnerA()));
		String base = "/learning/courses/" + course.id();
		mvc.perform(get(base + "/resume").with(me)).andExpect(redirectedUrl(base + "/lessons/" + course.lessons().get(0).id()));
		delivery.readLesson(learner, course.id(), course.lessons().get(0).id());
		mvc.perform(get(base + "/resume").with(me)).andExpect(redirectedUrl(base + "/lessons/" + course.lessons().get(1).id()));
		delivery.readLesson(learner, course.id(), course.lessons().get(1).id());
		mvc.perform(get(base + "/resume").with(me)).andExpect(redirectedUrl(base + "/quiz"));
		// the course page's button goes the same way
		Document coursePage = Jsoup.parse(mvc.perform(get(base).with(me)).andReturn().getResponse().getContentAsString());
		assertThat(coursePage.select("#start").attr("href")).isEqualTo(base + "/quiz");
		assertThat(coursePage.select("label[for=course-progress]").text()).isEqualTo("2 of 2 lessons read");
		mvc.perform(get("/learning/courses/00000000-0000-0000-0000-000000000000/resume").with(me))
			.andExpect(status().isNotFound());
	}

	private Document page(PersonId person) throws Exception {
		String html = mvc.perform(get("/learning").with(SignedIn.as(fixtures.viewerPerson(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private Course assigned(Viewer manager, String title, int dueInDays) {
		Course course = fixtures.publishedCourse(manager, title + " " + org.suffix());
		delivery.assign(manager, course.id(), org.teamA(), delivery.today().plusDays(dueInDays));
		return course;
	}

	private static List<Answer> correct(Course course) {
		return course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList();
	}
}
