package io.stride.tracks;

import java.util.List;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team's track is for its tree only (listing, reading, joining, its people), made through the services as managers
 * make it; and joining a track again keeps what was done before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrackAccessAndRejoinTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrackDefinitions definitions;

	@Autowired
	Enrolments enrolments;

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
	void aTeamsTrackIsListedReadAndJoinedOnlyInItsTree() throws Exception {
		TrackId track = teamTrack("Team A only " + org.suffix());
		Viewer outsider = fixtures.viewer(org.learnerB());
		Viewer otherManager = fixtures.viewer(org.managerB());

		assertThat(titles(fixtures.viewer(org.learnerA()))).contains("Team A only " + org.suffix());
		assertThat(titles(fixtures.viewer(org.learnerSubA()))).contains("Team A only " + org.suffix());
		assertThat(titles(outsider)).doesNotContain("Team A only " + org.suffix());
		assertThat(titles(otherManager)).doesNotContain("Team A only " + org.suffix());

		assertThatThrownBy(() -> enrolments.enrol(outsider, track, null, null, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> enrolments.people(otherManager, track, null, 1)).isInstanceOf(NotFoundException.class);
		// an admin may enrol anyone, but not into a track the person may not read
		assertThatThrownBy(() -> enrolments.enrol(fixtures.admin(), track, org.learnerB(), null, null))
			.isInstanceOf(NotFoundException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM track_enrolments WHERE track_id = ?").param(track.value())
			.query(Integer.class).single()).isZero();

		mvc.perform(get("/tracks/" + track.value()).with(as(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/tracks/" + track.value() + "/people").with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/tracks/" + track.value()).with(as(org.learnerSubA()))).andExpect(status().isOk());

		Enrolment joined = enrolments.enrol(fixtures.viewer(org.learnerSubA()), track, null, null, null);
		assertThat(joined.status()).isEqualTo(EnrolmentStatus.ACTIVE);
		assertThat(enrolments.people(fixtures.viewer(org.managerA()), track, null, 1).total()).isEqualTo(1);
	}

	@Test
	void joiningAgainKeepsWhatWasDoneAndAsksAgainWithoutWipingIt() {
		TrackId track = tracks.track("Again " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String second = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		progress.markDone(learner, enrolment.id(), first);
		java.sql.Timestamp doneAt = doneAt(enrolment.id(), first);
		enrolments.withdraw(learner, enrolment.id());

		// the track becomes high-investment: asking again waits for the manager, and nothing done is lost meanwhile
		jdbc.sql("UPDATE tracks SET high_investment = TRUE WHERE id = ?").param(track.value()).update();
		Enrolment asked = enrolments.enrol(learner, track, null, "Back from leave", null);
		assertThat(asked.status()).isEqualTo(EnrolmentStatus.REQUESTED);
		assertThat(doneAt(enrolment.id(), first)).isEqualTo(doneAt);

		enrolments.approve(fixtures.viewer(org.managerA()), asked.id(), null);
		TrackProgress.Progress now = progress.progress(learner, asked.id());
		assertThat(now.steps().stream().map(TrackProgress.StepProgress::state).toList())
			.containsExactly(TrackProgress.State.DONE, TrackProgress.State.OPEN);
		assertThat(doneAt(enrolment.id(), first)).isEqualTo(doneAt);
		assertThat(jdbc.sql("SELECT done_how FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolment.id(), first).query(String.class).single()).isEqualTo(TrackProgress.CONFIRMED_BY_SELF);
		assertThat(doneAt(enrolment.id(), second)).isNull();
	}

	private TrackId teamTrack(String title) {
		Viewer manager = fixtures.viewer(org.managerA());
		Track track = definitions.create(manager,
				new TrackDraft(title, "For team A.", "Customer Success", null, false, null, org.teamA()));
		definitions.addStep(manager, track.id(), null, new StepDraft(StepKind.EXTERNAL, "Shadow a call", "Shadow one.", null,
				null, null, null, null, "https://example.org/shadow", Confirmation.SELF, null, Set.of(), false, null));
		definitions.publish(manager, track.id(), definitions.find(track.id()).orElseThrow().revision());
		return track.id();
	}

	private List<String> titles(Viewer viewer) {
		return enrolments.published(viewer).stream().map(card -> card.track().title()).toList();
	}

	private java.sql.Timestamp doneAt(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT done_at FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId).query(java.sql.Timestamp.class).optional().orElse(null);
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}
}
