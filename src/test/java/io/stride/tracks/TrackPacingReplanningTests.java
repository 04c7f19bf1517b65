package io.stride.tracks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** When a published track's pacing or a team's version changes, the days of steps not yet open are planned again. */
@SpringBootTest
class TrackPacingReplanningTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enrolments enrolments;

	@Autowired
	TrackDefinitions definitions;

	@Autowired
	TeamOverrides overrides;

	@Autowired
	TrackProgress progress;

	Org org;

	EnrolmentFixtures tracks;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
	}

	@Test
	void aPacingChangeToTheTrackOrToATeamsVersionPlansTheStepsNotYetOpenAgain() {
		TrackId track = tracks.track("Replanned " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String later = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		tracks.pacing(later, PacingRule.AFTER_ENROLMENT, 10, null);
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		Enrolment other = enrolments.enrol(fixtures.viewer(org.learnerB()), track, null, null, null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(releaseOn(enrolment.id(), later)).isEqualTo(today.plusDays(10));

		// L&D shortens the wait for everyone
		definitions.editStep(fixtures.admin(), track, later, null, new StepDraft(StepKind.EXTERNAL, "Run a call", "Run one.",
				null, null, null, null, null, "https://example.org/programme", Confirmation.SELF,
				new Pacing(PacingRule.AFTER_ENROLMENT, 4, null), Set.of(), false, null));
		assertThat(releaseOn(enrolment.id(), later)).isEqualTo(today.plusDays(4));
		assertThat(releaseOn(other.id(), later)).isEqualTo(today.plusDays(4));

		// team A's manager slows it down for team A only
		overrides.save(fixtures.viewer(org.managerA()), track, org.teamA(), null, List.of(first, later),
				Map.of(later, new Pacing(PacingRule.AFTER_ENROLMENT, 7, null)), "Busy quarter");
		assertThat(releaseOn(enrolment.id(), later)).isEqualTo(today.plusDays(7));
		assertThat(releaseOn(other.id(), later)).isEqualTo(today.plusDays(4));
		assertThat(releaseOn(enrolment.id(), first)).isEqualTo(today);
	}

	@Test
	void aPacingChangePlansEachPersonAgainFromWhereTheyAre() {
		TrackId track = tracks.track("Three paces " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String second = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		tracks.pacing(second, PacingRule.AFTER_PREVIOUS, 7, null);
		String third = tracks.step(track, 2, StepKind.EXTERNAL, "Coach a colleague");
		tracks.pacing(third, PacingRule.AFTER_ENROLMENT, 20, null);
		Viewer notStarted = fixtures.viewer(org.learnerA());
		Viewer halfway = fixtures.viewer(org.learnerB());
		Viewer ahead = fixtures.viewer(org.learnerSubA());
		Enrolment a = enrolments.enrol(notStarted, track, null, null, null);
		Enrolment b = enrolments.enrol(halfway, track, null, null, null);
		Enrolment c = enrolments.enrol(ahead, track, null, null, null);
		progress.markDone(halfway, b.id(), first);
		progress.markDone(ahead, c.id(), first);
		progress.releaseEarly(fixtures.admin(), c.id(), second);
		progress.markDone(ahead, c.id(), second);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(releaseOn(a.id(), second)).isNull();
		assertThat(releaseOn(b.id(), second)).isEqualTo(today.plusDays(7));

		// L&D: the call is run as soon as the shadowing is done, and the coaching comes after 5 days instead of 20
		definitions.editStep(fixtures.admin(), track, second, null, external("Run a call", new Pacing(PacingRule.AFTER_PREVIOUS, 0, null)));
		definitions.editStep(fixtures.admin(), track, third, null,
				external("Coach a colleague", new Pacing(PacingRule.AFTER_ENROLMENT, 5, null)));

		// not started: the call still waits for the shadowing; halfway: it opens now; ahead: done stays done
		assertThat(EnrolmentFixtures.states(progress, notStarted, a)).containsExactly(TrackProgress.State.OPEN,
				TrackProgress.State.WAITING, TrackProgress.State.SCHEDULED);
		assertThat(EnrolmentFixtures.states(progress, halfway, b)).containsExactly(TrackProgress.State.DONE,
				TrackProgress.State.OPEN, TrackProgress.State.SCHEDULED);
		assertThat(EnrolmentFixtures.states(progress, ahead, c)).containsExactly(TrackProgress.State.DONE,
				TrackProgress.State.DONE, TrackProgress.State.SCHEDULED);
		assertThat(releaseOn(a.id(), second)).isNull();
		assertThat(tracks.releasedAt(b.id(), second)).isNotNull();
		for (Enrolment each : List.of(a, b, c)) {
			assertThat(releaseOn(each.id(), third)).as(each.personId().value()).isEqualTo(today.plusDays(5));
		}
	}

	private static StepDraft external(String title, Pacing pacing) {
		return new StepDraft(StepKind.EXTERNAL, title, "Do it.", null, null, null, null, null, "https://example.org/programme",
				Confirmation.SELF, pacing, Set.of(), false, null);
	}

	private LocalDate releaseOn(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT release_on FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId).query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
	}
}
