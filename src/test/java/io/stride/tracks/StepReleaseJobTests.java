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
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "Day one");
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
		// other tests' enrolments share the database, so the count is at least ours; which steps opened is exact
		assertThat(job.releaseDue()).isGreaterThanOrEqualTo(4);
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.OPEN,
				TrackProgress.State.OPEN, TrackProgress.State.SCHEDULED);
		assertThat(tracks.opened(enrolment.id())).containsExactlyInAnyOrder(first, second, third);
		assertThat(tracks.opened(other.id())).containsExactlyInAnyOrder(first, second, third);
		assertThat(runOf(enrolment.id(), second)).isEqualTo(runOf(enrolment.id(), third))
			.isEqualTo(runOf(other.id(), second)).isNotNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> tracks.notices(org.learnerA(), "2 steps are open now") == 1
				&& tracks.notices(org.learnerB(), "2 steps are open now") == 1);

		// a second run the same day (as the scheduler calls it) opens nothing again
		job.nightly();
		assertThat(launched(org.learnerA(), second)).isEqualTo(1);
		assertThat(launched(org.learnerA(), third)).isEqualTo(1);
		assertThat(tracks.notices(org.learnerA(), "2 steps are open now")).isEqualTo(1);

		// a withdrawn enrolment's steps stay closed
		enrolments.withdraw(fixtures.viewer(org.learnerB()), other.id());
		clock.advance(Duration.ofDays(7));
		job.releaseDue();
		assertThat(states(learner, enrolment).getLast()).isEqualTo(TrackProgress.State.OPEN);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM track_step_progress WHERE enrolment_id = ? AND released_at IS NOT NULL")
			.param(other.id()).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void aStepWhoseDayCameStaysClosedWhileItsPrerequisiteIsNotDone() {
		TrackId track = tracks.track("Prerequisite " + org.suffix(), false, org.managerA());
		String basics = tracks.step(track, 0, StepKind.EXTERNAL, "Basics");
		String paced = tracks.step(track, 1, StepKind.EXTERNAL, "Day three");
		tracks.pacing(paced, PacingRule.AFTER_ENROLMENT, 2, null);
		String certification = tracks.step(track, 2, StepKind.EXTERNAL, "Certification");
		tracks.requires(certification, basics);
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		// a day planned before the prerequisite came in (or by an older plan): the job must not trust it
		jdbc.sql("UPDATE track_step_progress SET release_on = ? WHERE enrolment_id = ? AND step_id = ?")
			.params(java.sql.Date.valueOf(java.time.LocalDate.now(clock).plusDays(1)), enrolment.id(), certification)
			.update();

		clock.advance(Duration.ofDays(2));
		job.releaseDue();
		assertThat(tracks.opened(enrolment.id())).containsExactlyInAnyOrder(basics, paced);

		progress.markDone(learner, enrolment.id(), basics);
		assertThat(tracks.opened(enrolment.id())).contains(certification);
	}

	private String runOf(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT release_run FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId).query(String.class).single();
	}

	private java.util.List<TrackProgress.State> states(Viewer viewer, Enrolment enrolment) {
		return EnrolmentFixtures.states(progress, viewer, enrolment);
	}

	private int launched(PersonId person, String stepId) {
		return jdbc.sql("SELECT COUNT(*) FROM statements WHERE actor_id = ? AND verb = ? AND object_id LIKE ?")
			.params(person.value(), io.stride.activity.Verb.LAUNCHED.iri(), "%/track_step/" + stepId)
			.query(Integer.class).single();
	}
}
