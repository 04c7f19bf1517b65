package io.stride.tracks;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ReuseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A component step is done when its lesson is read in any course that holds it: its source, or a course that reused
 * it linked or copied; a module step when every lesson of the module is read.
 */
@SpringBootTest
class ComponentStepReuseTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReuseFixtures reuse;

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

	Org org;

	EnrolmentFixtures tracks;

	Viewer learner;

	Viewer author;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
		learner = fixtures.viewer(org.learnerA());
		author = fixtures.viewer(org.managerA());
	}

	@Test
	void aLessonReadInACourseThatReusedItLinkedOrCopiedCountsBeforeAndAfterEnrolling() {
		Course source = reuse.source(author, "Incidents " + org.suffix());
		Course reusing = publish(reuse.reusing(author, source, "Incidents, our way " + org.suffix(), RiskTier.LOW));
		Lesson spot = source.lessons().get(0);
		Lesson report = source.lessons().get(1);
		TrackId track = tracks.track("Incidents track " + org.suffix(), false, org.managerA());
		String spotStep = tracks.componentStep(track, 0, "Spot it", spot.id());
		String reportStep = tracks.componentStep(track, 1, "Report it", report.id());
		tracks.step(track, 2, StepKind.EXTERNAL, "Run a drill");

		// the copied "Report it" read in the reusing course before enrolling
		delivery.readLesson(learner, reusing.id(), reusing.lessons().get(2).id());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		assertThat(state(enrolment, spotStep)).isEqualTo(TrackProgress.State.OPEN);
		assertThat(step(enrolment, reportStep).doneHow()).isEqualTo(TrackProgress.COMPLETED_BEFORE);

		// an unrelated lesson of the reusing course changes nothing; the linked "Spot it" there does
		delivery.readLesson(learner, reusing.id(), reusing.lessons().get(0).id());
		assertThat(state(enrolment, spotStep)).isEqualTo(TrackProgress.State.OPEN);
		delivery.readLesson(learner, reusing.id(), reusing.lessons().get(1).id());
		assertThat(state(enrolment, spotStep)).isEqualTo(TrackProgress.State.DONE);
		assertThat(step(enrolment, spotStep).doneHow()).isEqualTo(TrackProgress.COMPLETED);
	}

	@Test
	void aModuleStepIsDoneWhenEveryLessonOfTheModuleIsRead() {
		Course course = publish(authoring.create(author, new CourseContent("Renewals " + org.suffix(), "d", List.of(
				new Lesson(null, "Why renew", "Text.", List.of(), "Basics", List.of()),
				new Lesson(null, "When to start", "Text.", List.of(), "Basics", List.of()),
				new Lesson(null, "Pricing", "Text.", List.of(), "Advanced", List.of())), new Quiz(80, List.of()))));
		String module = jdbc.sql("SELECT id FROM library_components WHERE kind = 'MODULE' AND source_course_id = ? "
				+ "AND module_name = 'Basics'")
			.param(course.id().value())
			.query(String.class)
			.single();
		TrackId track = tracks.track("Renewals track " + org.suffix(), false, org.managerA());
		String moduleStep = tracks.componentStep(track, 0, "Basics", module);
		tracks.step(track, 1, StepKind.EXTERNAL, "Renew one account");
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		delivery.readLesson(learner, course.id(), course.lessons().get(0).id());
		delivery.readLesson(learner, course.id(), course.lessons().get(2).id());
		assertThat(state(enrolment, moduleStep)).isEqualTo(TrackProgress.State.OPEN);
		delivery.readLesson(learner, course.id(), course.lessons().get(1).id());
		assertThat(state(enrolment, moduleStep)).isEqualTo(TrackProgress.State.DONE);
	}

	private Course publish(Course draft) {
		return authoring.publish(fixtures.viewer(draft.authorId()), draft.id(), draft.revision());
	}

	private TrackProgress.StepProgress step(Enrolment enrolment, String stepId) {
		return progress.progress(learner, enrolment.id()).steps().stream()
			.filter(s -> s.step().id().equals(stepId))
			.findFirst()
			.orElseThrow();
	}

	private TrackProgress.State state(Enrolment enrolment, String stepId) {
		return step(enrolment, stepId).state();
	}
}
