package io.stride.analytics.attention;

import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.attention.NeedsAttentionReport.DropOffLesson;
import io.stride.analytics.attention.NeedsAttentionReport.MissedQuestion;
import io.stride.analytics.attention.NeedsAttentionReport.UnclearLesson;
import io.stride.analytics.attention.NeedsAttentionReport.WeakCourse;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import io.stride.authoring.Course;
import io.stride.feedback.Feedback;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The needs-attention lists on the fixed history, worked out by hand, and who sees which courses.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NeedsAttentionTests {

	@Autowired
	NeedsAttention needsAttention;

	@Autowired
	CourseAnalyticsFixtures story;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Feedback feedback;

	@Autowired
	MockMvc mvc;

	@Test
	void lessonsAndQuestionsWhereLearnersStruggleAreListed() {
		History h = story.history("Struggle");
		String c = h.course().id().value();
		// Q1: 6 answers, 2 right → 2 / 6 = 0.3333, under one half; Q2: 5 answers, 3 right → 0.6, not listed
		for (int i = 0; i < 6; i++) {
			story.answered("someone-" + i, c, h.question(1), i < 2, "2026-03-05T10:00:00Z");
		}
		for (int i = 0; i < 5; i++) {
			story.answered("someone-" + i, c, h.question(2), i < 3, "2026-03-05T10:00:00Z");
		}
		NeedsAttentionReport r = needsAttention.forCourse(fixtures.viewer(h.author()), h.course().id());
		// L2 has one unclear and one outdated reaction of two; L1 only a helpful one
		assertThat(r.unclearLessons().items()).extracting(UnclearLesson::lessonTitle).containsExactly("Log it");
		assertThat(r.unclearLessons().items().get(0).negative()).isEqualTo(2);
		// L1 → L2: 5 → 4 learners, (5 − 4) / 5 = 0.2, at the threshold; L2 → L3 starts from 4 learners, under 5
		assertThat(r.dropOffLessons().items()).extracting(DropOffLesson::lessonTitle, DropOffLesson::reachedPrevious,
				DropOffLesson::reached, DropOffLesson::dropOff)
			.containsExactly(tuple("Log it", 5, 4, 0.2));
		assertThat(r.missedQuestions().items()).extracting(MissedQuestion::prompt, MissedQuestion::answers,
				MissedQuestion::right, MissedQuestion::shareRight)
			.containsExactly(tuple("Call back within?", 6, 2, 0.3333));
		// 5 learners started: under the 10 needed before a score counts
		assertThat(r.weakCourses().items()).isEmpty();
	}

	@Test
	void aCourseReceivedBadlyIsListedOnceTenLearnersStarted() {
		var org = fixtures.organization();
		PersonId author = fixtures.person(fixtures.admin(), "Author", "author", org.suffix(), Set.of(), Set.of());
		Course course = story.published(author, CourseAnalyticsFixtures.threeLessons("Badly received " + org.suffix()));
		String lesson = course.lessons().get(0).id();
		// 10 learners read the first lesson: 9 without an account here, and learner A
		for (int i = 0; i < 9; i++) {
			story.add(Ids.newId(), Verb.EXPERIENCED, ActivityType.LESSON, lesson, course.id().value(), "2026-03-05T10:00:00Z", null);
		}
		story.read(org.learnerA(), course.id().value(), lesson, "2026-03-05T10:00:00Z");
		// one helpful, two unclear: (1 − 2) / 3 × 100 = −33.3 → −33
		feedback.react(fixtures.viewer(org.learnerA()), course.id(), lesson, "HELPFUL", null);
		feedback.react(fixtures.viewer(org.learnerSubA()), course.id(), lesson, "UNCLEAR", null);
		feedback.react(fixtures.viewer(org.learnerB()), course.id(), lesson, "UNCLEAR", null);
		NeedsAttentionReport r = needsAttention.across(fixtures.viewer(author));
		assertThat(r.coursesConsidered()).isEqualTo(1);
		assertThat(r.weakCourses().items()).extracting(WeakCourse::courseTitle, WeakCourse::learners,
				WeakCourse::reactionScore)
			.containsExactly(tuple(course.title(), 10, -33));
	}

	@Test
	void managersSeeTheCoursesTheirTeamsTakeCountingTheirLearnersOnly() {
		History h = story.history("Team view");
		NeedsAttentionReport r = needsAttention.across(fixtures.viewer(h.org().managerA()));
		// team A's learners P1 (helpful on L1) and P2 (unclear on L2): L2 has one negative reaction of one
		assertThat(r.unclearLessons().items()).filteredOn(l -> l.courseId().equals(h.course().id()))
			.extracting(UnclearLesson::lessonTitle, UnclearLesson::unclear, UnclearLesson::outdated)
			.containsExactly(tuple("Log it", 1, 0));
		// a learner who neither writes nor manages sees nothing, and no single course
		assertThat(needsAttention.across(fixtures.viewer(h.p1())).isEmpty()).isTrue();
		assertThatThrownBy(() -> needsAttention.forCourse(fixtures.viewer(h.p1()), h.course().id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theLearningTeamSeesEveryCourseAndOtherReviewersTheirOwn() {
		History h = story.history("L&D view");
		PersonId learningTeam = fixtures.person(fixtures.admin(), "Lea Learning", "lea", h.org().suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		// as the author sees the course: both of L2's negative reactions, from every team
		NeedsAttentionReport course = needsAttention.forCourse(fixtures.viewer(learningTeam), h.course().id());
		assertThat(course.unclearLessons().items()).extracting(UnclearLesson::lessonTitle).containsExactly("Log it");
		assertThat(course.unclearLessons().items().get(0).negative()).isEqualTo(2);
		// and every published course across the organization, as an admin
		assertThat(needsAttention.across(fixtures.viewer(learningTeam)).coursesConsidered())
			.isEqualTo(needsAttention.across(fixtures.admin()).coursesConsidered());
		// a compliance reviewer is not L&D: no course of anyone else's, and this one is not found
		PersonId compliance = fixtures.person(fixtures.admin(), "Cora Compliance", "cora", h.org().suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		fixtures.complianceReviewer(compliance);
		assertThat(needsAttention.across(fixtures.viewer(compliance)).isEmpty()).isTrue();
		assertThatThrownBy(() -> needsAttention.forCourse(fixtures.viewer(compliance), h.course().id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theApiSaysHowLongEachListIs() throws Exception {
		History h = story.history("Needs attention API");
		mvc.perform(get("/api/v1/analytics/needs-attention").param("courseId", h.course().id().value())
				.header("Authorization", "Bearer " + fixtures.token(h.author())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unclearLessons.items[0].lessonTitle").value("Log it"))
			.andExpect(jsonPath("$.unclearLessons.total").value(1))
			.andExpect(jsonPath("$.unclearLessons.limit").value(NeedsAttention.LIMIT))
			.andExpect(jsonPath("$.dropOffLessons.items[0].dropOff").value(0.2));
		mvc.perform(get("/api/v1/analytics/needs-attention").param("courseId", h.course().id().value())
				.header("Authorization", "Bearer " + fixtures.token(h.p1())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/needs-attention")).andExpect(status().isUnauthorized());
	}

	@Test
	void eachListDownloadsAsCsvWithTheNumbersOfThePage() throws Exception {
		History h = story.history("Needs attention CSV");
		String c = h.course().id().value();
		var author = SignedIn.as(fixtures.viewerPerson(h.author()));
		var page = mvc.perform(get("/analytics/needs-attention").param("courseId", c).with(author)).andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("/analytics/needs-attention/drop-off-lessons.csv?courseId=" + c);
		var dropOff = mvc.perform(get("/analytics/needs-attention/drop-off-lessons.csv").param("courseId", c).with(author))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(dropOff.getContentType()).startsWith("text/csv");
		assertThat(dropOff.getHeader("Content-Disposition")).contains("stride-needs-attention-drop-off-lessons-course-" + c);
		// L1 → L2: 5 → 4 learners, drop-off 0.2, as on the page and in the API
		assertThat(dropOff.getContentAsString().lines().toList()).containsExactly(
				"course_id,course_title,lesson_id,lesson_title,previous_lesson_title,reached_previous,reached,drop_off",
				q(c) + "," + q(h.course().title()) + "," + q(h.lesson(2)) + ",\"Log it\",\"Listen\",5,4,0.2");
		String unclear = mvc.perform(get("/analytics/needs-attention/unclear-lessons.csv").param("courseId", c).with(author))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// L2: one unclear, one outdated, two reactions
		assertThat(unclear.lines().skip(1).toList()).containsExactly(
				q(c) + "," + q(h.course().title()) + "," + q(h.lesson(2)) + ",\"Log it\",1,1,2");
		mvc.perform(get("/analytics/needs-attention/passwords.csv").with(author)).andExpect(status().isNotFound());
		// a learner gets no course's lists, in CSV as on the page
		mvc.perform(get("/analytics/needs-attention/drop-off-lessons.csv").param("courseId", c)
				.with(SignedIn.as(fixtures.viewerPerson(h.p1())))).andExpect(status().isNotFound());
	}

	/** A text cell as the CSV writes it: always quoted. */
	private static String q(String text) {
		return "\"" + text + "\"";
	}
}
