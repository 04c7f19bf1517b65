package io.stride.tracks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress as work happens: done before enrolling, done elsewhere while enrolled (a course completed, a lesson read),
 * the next step opening the same day, the team's order, completion, and each of them in the learning record.
 */
@SpringBootTest
class TrackProgressTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Enrolments enrolments;

	@Autowired
	TrackProgress progress;

	@Autowired
	LearningRecord record;

	Org org;

	EnrolmentFixtures tracks;

	Viewer learner;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
		learner = fixtures.viewer(org.learnerA());
	}

	@Test
	void aCourseCompletedBeforeEnrollingCountsAndTheStepAfterItOpensTheSameDay() {
		Course first = courseWithoutQuiz("Discovery calls");
		Course second = courseWithoutQuiz("Renewal plans");
		delivery.readLesson(learner, first.id(), first.lessons().get(0).id());
		TrackId track = tracks.track("CSM " + org.suffix(), false, org.managerA());
		String s1 = tracks.courseStep(track, 0, "Discovery calls", first.id().value());
		String s2 = tracks.courseStep(track, 1, "Renewal plans", second.id().value());
		tracks.pacing(s2, PacingRule.AFTER_PREVIOUS, 0, null);
		String s3 = tracks.step(track, 2, StepKind.EXTERNAL, "Shadow a QBR");
		tracks.pacing(s3, PacingRule.AFTER_PREVIOUS, 2, null);

		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		TrackProgress.Progress p = progress.progress(learner, enrolment.id());
		assertThat(p.steps()).extracting(s -> s.state()).containsExactly(TrackProgress.State.DONE, TrackProgress.State.OPEN,
				TrackProgress.State.WAITING);
		assertThat(p.steps().get(0).doneHow()).isEqualTo(TrackProgress.COMPLETED_BEFORE);
		assertThat(p.next().step().id()).isEqualTo(s3);
		assertThat(p.next().opens()).isEqualTo("waits for “Renewal plans”");

		// completing the second course elsewhere marks its step done and schedules the next
		delivery.readLesson(learner, second.id(), second.lessons().get(0).id());
		p = progress.progress(learner, enrolment.id());
		assertThat(p.steps().get(1).state()).isEqualTo(TrackProgress.State.DONE);
		assertThat(p.steps().get(1).doneHow()).isEqualTo(TrackProgress.COMPLETED);
		LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		assertThat(p.steps().get(2).state()).isEqualTo(TrackProgress.State.SCHEDULED);
		assertThat(p.steps().get(2).releaseOn()).isEqualTo(opens);
		assertThat(p.next().opens()).isEqualTo("opens on " + TrackProgressRules.day(opens)
				+ " — 2 days after you finish “Renewal plans”");

		List<Statement> mine = trackStatements();
		assertThat(mine).extracting(s -> verb(s) + " " + s.objectId().substring(s.objectId().lastIndexOf('/', s.objectId().lastIndexOf('/') - 1) + 1))
			.containsExactly("registered track/" + track.value(), "completed track_step/" + s1, "launched track_step/" + s2,
					"completed track_step/" + s2);
	}

	@Test
	void aLessonReadInAnyCourseMarksItsComponentStepDoneAndTheLastStepCompletesTheTrack() {
		Course course = courseWithoutQuiz("Objection handling");
		TrackId track = tracks.track("Component " + org.suffix(), false, org.managerA());
		String lesson = tracks.componentStep(track, 0, "Objections", course.lessons().get(0).id());
		String external = tracks.step(track, 1, StepKind.EXTERNAL, "Read the playbook");
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		delivery.readLesson(learner, course.id(), course.lessons().get(0).id());
		assertThat(progress.progress(learner, enrolment.id()).steps().get(0).state()).isEqualTo(TrackProgress.State.DONE);
		assertThat(enrolments.enrolment(learner, enrolment.id()).status()).isEqualTo(EnrolmentStatus.ACTIVE);

		TrackProgress.Progress done = progress.markDone(learner, enrolment.id(), external);
		assertThat(done.done()).isEqualTo(2);
		assertThat(done.enrolment().status()).isEqualTo(EnrolmentStatus.COMPLETED);
		assertThat(trackStatements()).extracting(this::verb).containsSubsequence("registered", "completed", "completed",
				"completed");
		assertThat(trackStatements().getLast().objectId()).endsWith("/track/" + track.value());
		assertThat(lesson).isNotBlank();
	}

	@Test
	void thePersonFollowsTheirTeamsOrderAndAnotherTeamKeepsTheOrganizations() {
		TrackId track = tracks.track("Ordered " + org.suffix(), false, org.managerA());
		String a = tracks.step(track, 0, StepKind.EXTERNAL, "A");
		String b = tracks.step(track, 1, StepKind.EXTERNAL, "B");
		tracks.teamOrder(track, org.teamA(), org.managerA(), b, a);
		Enrolment mine = enrolments.enrol(learner, track, null, null, null);
		Enrolment theirs = enrolments.enrol(fixtures.viewer(org.learnerB()), track, null, null, null);
		assertThat(mine.team()).isEqualTo(org.teamA());
		assertThat(progress.progress(learner, mine.id()).steps()).extracting(s -> s.step().id()).containsExactly(b, a);
		assertThat(progress.progress(fixtures.viewer(org.learnerB()), theirs.id()).steps()).extracting(s -> s.step().id())
			.containsExactly(a, b);
	}

	private Course courseWithoutQuiz(String title) {
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent(title + " " + org.suffix(), "d",
				List.of(new Lesson(null, title, "Text of " + title)), new Quiz(80, List.of())));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private List<Statement> trackStatements() {
		return record.statementsOf(org.learnerA()).stream()
			.filter(s -> s.objectId().contains("/track/") || s.objectId().contains("/track_step/"))
			.toList();
	}

	private String verb(Statement s) {
		for (Verb verb : Verb.values()) {
			if (verb.iri().equals(s.verbIri())) {
				return verb.display();
			}
		}
		return s.verbIri();
	}
}
