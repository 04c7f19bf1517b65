package io.stride.tracks;

import java.time.Duration;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The nightly release: steps whose day has come open in one run, each person is told once, nothing opens twice. */
@SpringBootTest
@Import(MovableClock.Config.class)
class StepReleaseJobTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enrolments enrolments;

	@Autowired
	TrackProgress progress;

	@Autowired
	StepReleaseJob job;

	@Autowired
	MovableClock clock;

	Org org;

	EnrolmentFixtures tracks;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void stepsWhoseDayCameOpenInOneRunWithOneNoticePerPersonAndNeverTwice() {
		TrackId track = tracks.track("Paced " + org.suffix(), false, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Day one");
		String second = tracks.step(track, 1, StepKind.EXTERNAL, "Day three");
		tracks.pacing(second, PacingRule.AFTER_ENROLMENT, 2, null);
		String third = tracks.step(track, 2, StepKind.EXTERNAL, "Also day three");
		tracks.pacing(third, PacingRule.AFTER_ENROLMENT, 2, null);
		String fourth = tracks.step(track, 3, StepKind.EXTERNAL, "Day ten");
		tracks.pacing(fourth, PacingRule.AFTER_ENROLMENT, 9, null);
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		Enrolment other = enrolments.enrol(fixtures.viewer(org.learnerB()), track, null, null, null);

		job.releaseDue();
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.SCHEDULED,
				TrackProgress.State.SCHEDULED, TrackProgress.State.SCHEDULED);

		clock.advance(Duration.ofDays(2));
		assertThat(job.releaseDue()).isGreaterThanOrEqualTo(4);
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.OPEN,
				TrackProgress.State.OPEN, TrackProgress.State.SCHEDULED);
		await().atMost(Duration.ofSeconds(10)).until(() -> notices(org.learnerA(), "2 steps are open now") == 1
				&& notices(org.learnerB(), "2 steps are open now") == 1);

		// a second run the same day (as the scheduler calls it) opens nothing again
		job.nightly();
		assertThat(launched(org.learnerA(), second)).isEqualTo(1);
		assertThat(launched(org.learnerA(), third)).isEqualTo(1);
		assertThat(notices(org.learnerA(), "2 steps are open now")).isEqualTo(1);

		// a withdrawn enrolment's steps stay closed
		enrolments.withdraw(fixtures.viewer(org.learnerB()), other.id());
		clock.advance(Duration.ofDays(7));
		job.releaseDue();
		assertThat(states(learner, enrolment).getLast()).isEqualTo(TrackProgress.State.OPEN);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM track_step_progress WHERE enrolment_id = ? AND released_at IS NOT NULL")
			.param(other.id()).query(Integer.class).single()).isEqualTo(3);
	}

	private java.util.List<TrackProgress.State> states(Viewer viewer, Enrolment enrolment) {
		return progress.progress(viewer, enrolment.id()).steps().stream().map(TrackProgress.StepProgress::state).toList();
	}

	private int notices(PersonId person, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND subject = ?")
			.params(person.value(), subject).query(Integer.class).single();
	}

	private int launched(PersonId person, String stepId) {
		return jdbc.sql("SELECT COUNT(*) FROM statements WHERE actor_id = ? AND verb = ? AND object_id LIKE ?")
			.params(person.value(), io.stride.activity.Verb.LAUNCHED.iri(), "%/track_step/" + stepId)
			.query(Integer.class).single();
	}
}
