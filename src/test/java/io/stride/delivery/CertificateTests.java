package io.stride.delivery;

import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who sees a completion certificate: the learner, the managers of their teams (and of the teams above), admins; nobody
 * else, and nobody before the course is finished.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Autowired
	Assessment assessment;

	@Autowired
	Authoring authoring;

	@Autowired
	io.stride.delivery.internal.ProgressStore progress;

	Org org;

	Course course;

	@BeforeEach
	void courseByManagerA() {
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Certified " + org.suffix());
	}

	@Test
	void noCertificateBeforeTheQuizIsPassed() throws Exception {
		Viewer learner = fixtures.viewer(org.learnerSubA());
		assertCertificateHiddenFrom(org.learnerSubA(), org.learnerSubA());
		readAll(learner);
		assertCertificateHiddenFrom(org.learnerSubA(), org.learnerSubA());
		assessment.submit(learner, course.id(), List.of(new Answer(course.quiz().questions().get(0).id(), List.of(1))), "fail");
		assertThat(delivery.progressIn(learner, course.id()).status()).isEqualTo(ProgressStatus.COMPLETED);
		assertCertificateHiddenFrom(org.learnerSubA(), org.learnerSubA());
		assertCertificateHiddenFrom(org.managerA(), org.learnerSubA());
	}

	@Test
	void theLearnerTheirManagersAndAdminsSeeItAndNobodyElse() throws Exception {
		pass(org.learnerSubA());
		String verification = com.jayway.jsonpath.JsonPath.read(mvc
			.perform(get("/api/v1/courses/" + course.id() + "/certificate").header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.learnerName").value("Learner A1"))
			.andExpect(jsonPath("$.courseTitle").value(course.title()))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.score").value(100))
			.andExpect(jsonPath("$.completedAt").isNotEmpty())
			.andExpect(jsonPath("$.current").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.verificationId");

		String path = "/api/v1/courses/" + course.id() + "/certificate?personId=" + org.learnerSubA().value();
		// the manager of the team above the learner's, and an admin
		for (String bearer : List.of(bearer(org.managerA()), "Bearer " + fixtures.token(fixtures.admin().id()))) {
			mvc.perform(get(path).header("Authorization", bearer))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.verificationId").value(verification));
			mvc.perform(get("/api/v1/certificates/" + verification).header("Authorization", bearer))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.personId").value(org.learnerSubA().value()));
		}
		// another team's manager, a colleague, another team's learner
		for (PersonId outsider : List.of(org.managerB(), org.learnerA(), org.learnerB())) {
			assertCertificateHiddenFrom(outsider, org.learnerSubA());
			mvc.perform(get("/api/v1/certificates/" + verification).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/certificates/not-an-id").header("Authorization", bearer(org.learnerSubA())))
			.andExpect(status().isNotFound());
		// the id is stable: asking again does not issue another certificate
		mvc.perform(get("/api/v1/courses/" + course.id() + "/certificate").header("Authorization", bearer(org.learnerSubA())))
			.andExpect(jsonPath("$.verificationId").value(verification));
	}

	@Test
	void theCertificatePageShowsWhatWasCompletedAndPrints() throws Exception {
		pass(org.learnerA());
		Certificate certificate = delivery.certificate(fixtures.viewer(org.learnerA()), course.id(), null);
		mvc.perform(get("/learning/courses/" + course.id() + "/certificate").with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Learner A")))
			.andExpect(content().string(containsString(course.title())))
			.andExpect(content().string(containsString("<dd id=\"certificate-version\">1</dd>")))
			.andExpect(content().string(containsString("<dd id=\"certificate-score\">100%</dd>")))
			.andExpect(content().string(containsString(certificate.verificationId())))
			.andExpect(content().string(containsString(delivery.today().getYear() + "")))
			.andExpect(content().string(containsString("data-print")));
		mvc.perform(get("/learning/courses/" + course.id() + "/certificate?personId=" + org.learnerA().value())
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Learner A")));
		mvc.perform(get("/learning/courses/" + course.id() + "/certificate?personId=" + org.learnerA().value())
			.with(SignedIn.as(fixtures.viewerPerson(org.managerB()))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(certificate.verificationId()))));
		// the team page links to it
		delivery.assign(fixtures.viewer(org.managerA()), course.id(), org.teamA(), null);
		mvc.perform(get("/teams/" + org.teamA().value()).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(content().string(containsString("/learning/courses/" + course.id() + "/certificate?personId="
					+ org.learnerA().value())));
	}

	@Test
	void aCourseWithoutQuizIsCertifiedWhenEveryLessonIsRead() throws Exception {
		Viewer author = fixtures.viewer(org.managerA());
		Course noQuiz = authoring.create(author, new CourseContent("Read only " + org.suffix(), "d",
				List.of(new Lesson(null, "One", "x"), new Lesson(null, "Two", "y")), new Quiz(80, List.of()), List.of(), null, null));
		noQuiz = authoring.publish(author, noQuiz.id(), noQuiz.revision());
		Viewer learner = fixtures.viewer(org.learnerA());
		delivery.readLesson(learner, noQuiz.id(), noQuiz.lessons().get(0).id());
		mvc.perform(get("/api/v1/courses/" + noQuiz.id() + "/certificate").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		delivery.readLesson(learner, noQuiz.id(), noQuiz.lessons().get(1).id());
		mvc.perform(get("/api/v1/courses/" + noQuiz.id() + "/certificate").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(nullValue()))
			.andExpect(jsonPath("$.courseTitle").value("Read only " + org.suffix()));
		mvc.perform(get("/learning/courses/" + noQuiz.id() + "/certificate").with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(content().string(containsString("No quiz in this course")));
	}

	@Test
	void takingTheCourseAgainSupersedesTheCertificateAndPassingAgainIssuesANewOne() throws Exception {
		pass(org.learnerA());
		Viewer learner = fixtures.viewer(org.learnerA());
		String first = delivery.certificate(learner, course.id(), null).verificationId();
		progress.askToRecertify(course.id(), "Version 2 changed the content");
		// until the learner starts over, the certificate they earned stands
		assertThat(delivery.certificate(learner, course.id(), null).verificationId()).isEqualTo(first);
		delivery.open(learner, course.id());
		assertCertificateHiddenFrom(org.learnerA(), org.learnerA());
		mvc.perform(get("/api/v1/certificates/" + first).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current").value(false));
		assessment.submit(learner, course.id(), List.of(new Answer(course.quiz().questions().get(0).id(), List.of(0)),
				new Answer(course.quiz().questions().get(1).id(), List.of(0, 1))), "again");
		course.lessons().forEach(lesson -> delivery.readLesson(learner, course.id(), lesson.id()));
		Certificate second = delivery.certificate(learner, course.id(), null);
		assertThat(second.verificationId()).isNotEqualTo(first);
		assertThat(second.current()).isTrue();
	}

	private void assertCertificateHiddenFrom(PersonId viewer, PersonId learner) throws Exception {
		String query = viewer.equals(learner) ? "" : "?personId=" + learner.value();
		mvc.perform(get("/api/v1/courses/" + course.id() + "/certificate" + query).header("Authorization", bearer(viewer)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/learning/courses/" + course.id() + "/certificate" + query).with(SignedIn.as(fixtures.viewerPerson(viewer))))
			.andExpect(status().isNotFound());
	}

	private void readAll(Viewer learner) {
		course.lessons().forEach(lesson -> delivery.readLesson(learner, course.id(), lesson.id()));
	}

	private void pass(PersonId person) {
		Viewer learner = fixtures.viewer(person);
		readAll(learner);
		assessment.submit(learner, course.id(), List.of(new Answer(course.quiz().questions().get(0).id(), List.of(0)),
				new Answer(course.quiz().questions().get(1).id(), List.of(0, 1))), "pass-" + person.value());
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
