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

	private LocalDate releaseOn(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT release_on FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId).query(LocalDate.class).single();
	}
}
