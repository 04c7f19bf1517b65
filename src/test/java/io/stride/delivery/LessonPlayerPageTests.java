package io.stride.delivery;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.identity.Viewer;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lesson player: where the learner is, previous and next, and what comes after the last lesson.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LessonPlayerPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Course course;

	@BeforeEach
	void threeLessonsAndAQuiz() {
		org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		CourseContent sample = Fixtures.sampleCourse("Player " + org.suffix());
		Course draft = authoring.create(author, new CourseContent(sample.title(), sample.description(),
				List.of(new Lesson(null, "First", "one"), new Lesson(null, "Second", "two"), new Lesson(null, "Third", "three")),
				sample.quiz()));
		course = authoring.publish(author, draft.id(), draft.revision());
	}

	@Test
	void eachLessonSaysWhereTheLearnerIsAndLinksBothWays() throws Exception {
		Document first = lesson(0);
		assertThat(first.select("#lesson-number").text()).isEqualTo("Lesson 1 of 3");
		assertThat(first.select("label[for=lesson-progress]")).hasSize(1);
		assertThat(first.select("progress#lesson-progress").attr("value")).isEqualTo("1");
		assertThat(first.select("progress#lesson-progress").attr("max")).isEqualTo("3");
		assertThat(first.select("#previous-lesson")).isEmpty();
		assertThat(first.select("#next-lesson").attr("href")).endsWith("/lessons/" + course.lessons().get(1).id());

		Document second = lesson(1);
		assertThat(second.select("#lesson-number").text()).isEqualTo("Lesson 2 of 3");
		assertThat(second.select("progress#lesson-progress").attr("value")).isEqualTo("2");
		assertThat(second.select("#previous-lesson").attr("href")).endsWith("/lessons/" + course.lessons().get(0).id());
		assertThat(second.select("#next-lesson").attr("href")).endsWith("/lessons/" + course.lessons().get(2).id());

		Document last = lesson(2);
		assertThat(last.select("#next-lesson")).isEmpty();
		assertThat(last.select("#take-quiz").text()).isEqualTo("Take the final quiz");
		assertThat(last.select("#take-quiz").attr("href")).isEqualTo("/learning/courses/" + course.id() + "/quiz");

		// the course page lists which lessons are read
		Document coursePage = Jsoup.parse(mvc.perform(get("/learning/courses/" + course.id()).with(learner()))
			.andReturn().getResponse().getContentAsString());
		assertThat(coursePage.select("#lessons li .badge").eachText()).containsExactly("read", "read", "read");
	}

	@Test
	void skippedLessonsAreOfferedAfterTheLastOne() throws Exception {
		lesson(0);
		Document last = lesson(2);
		assertThat(last.select("#first-unread").text()).isEqualTo("Read the lesson you skipped");
		assertThat(last.select("#first-unread").attr("href")).endsWith("/lessons/" + course.lessons().get(1).id());
		assertThat(last.select("#take-quiz").text()).isEqualTo("Take the final quiz anyway");
		Document coursePage = Jsoup.parse(mvc.perform(get("/learning/courses/" + course.id()).with(learner()))
			.andReturn().getResponse().getContentAsString());
		assertThat(coursePage.select("#lessons li .badge").eachText()).containsExactly("read", "not read yet", "read");
		assertThat(coursePage.select("#start").text()).isEqualTo("Continue where you left off");
		assertThat(coursePage.select("#start").attr("href")).endsWith("/lessons/" + course.lessons().get(1).id());
	}

	@Test
	void withoutAQuizTheLastLessonLeadsToTheCertificate() throws Exception {
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent("No quiz " + org.suffix(), "d",
				List.of(new Lesson(null, "Only", "x")), new Quiz(80, List.of())));
		Course noQuiz = authoring.publish(author, draft.id(), draft.revision());
		Document only = Jsoup.parse(mvc.perform(get("/learning/courses/" + noQuiz.id() + "/lessons/" + noQuiz.lessons().get(0).id())
			.with(learner())).andReturn().getResponse().getContentAsString());
		assertThat(only.select("#finish").attr("href")).isEqualTo("/learning/courses/" + noQuiz.id() + "/certificate");
		assertThat(only.select("#take-quiz")).isEmpty();
	}

	@Test
	void theApiTellsWhatComesNextAndReadsLessons() throws Exception {
		String token = "Bearer " + fixtures.token(org.learnerA());
		String base = "/api/v1/courses/" + course.id();
		mvc.perform(get(base + "/progress").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOT_STARTED"))
			.andExpect(jsonPath("$.next").value("LESSON"))
			.andExpect(jsonPath("$.nextLessonId").value(course.lessons().get(0).id()));
		for (Lesson lesson : course.lessons()) {
			mvc.perform(post(base + "/lessons/" + lesson.id() + "/read").header("Authorization", token)).andExpect(status().isOk());
		}
		mvc.perform(get(base + "/progress").header("Authorization", token))
			.andExpect(jsonPath("$.lessonsRead").value(3))
			.andExpect(jsonPath("$.lessons[2].read").value(true))
			.andExpect(jsonPath("$.next").value("QUIZ"))
			.andExpect(jsonPath("$.certificate").value(false));
		mvc.perform(post(base + "/lessons/not-a-lesson/read").header("Authorization", token)).andExpect(status().isNotFound());
	}

	private Document lesson(int index) throws Exception {
		return Jsoup.parse(mvc.perform(get("/learning/courses/" + course.id() + "/lessons/" + course.lessons().get(index).id())
			.with(learner())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor learner() {
		return SignedIn.as(fixtures.viewerPerson(org.learnerA()));
	}
}
