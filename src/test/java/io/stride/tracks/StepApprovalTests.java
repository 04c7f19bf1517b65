package io.stride.tracks;

import java.time.Duration;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ForbiddenException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A high-investment step (a certification) of an open track: when its turn comes it waits for the manager's approval,
 * neither the nightly job nor the person opens it, and the manager approves it (page and API).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class StepApprovalTests {

	@Autowired
	MockMvc mvc;

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
	void aCertificationStepWaitsForTheManagersApprovalThenOpens() throws Exception {
		TrackId track = tracks.track("Certified " + org.suffix(), false, org.managerA());
		String basics = tracks.step(track, 0, StepKind.EXTERNAL, "Basics");
		String certification = tracks.step(track, 1, StepKind.EXTERNAL, "Certification");
		tracks.pacing(certification, PacingRule.AFTER_ENROLMENT, 2, null);
		jdbc.sql("UPDATE track_steps SET high_investment = TRUE WHERE id = ?").param(certification).update();
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		clock.advance(Duration.ofDays(2));
		job.releaseDue();
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.NEEDS_APPROVAL);
		assertThat(releasedAt(enrolment.id(), certification)).isNull();
		assertThatThrownBy(() -> progress.markDone(learner, enrolment.id(), certification))
			.isInstanceOf(ForbiddenException.class);
		var own = Jsoup.parse(mvc.perform(get("/tracks/" + track.value()).with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(own.select("#step-" + certification + " .step-state").text()).contains("needs your manager's approval");
		assertThat(own.select("#step-" + certification + " form")).isEmpty();
		var managers = Jsoup.parse(mvc.perform(get("/enrolments/" + enrolment.id())
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA())))).andReturn().getResponse().getContentAsString());
		assertThat(managers.select("#step-" + certification + " button").eachText()).contains("Approve");

		String url = "/api/v1/enrolments/" + enrolment.id() + "/steps/";
		mvc.perform(post(url + certification + "/approve").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isForbidden());
		mvc.perform(post(url + certification + "/approve").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(post(url + certification + "/approve")).andExpect(status().isUnauthorized());
		mvc.perform(post(url + basics + "/approve").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.stepId").exists());
		mvc.perform(post(url + certification + "/approve").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.OPEN);
		assertThat(releasedAt(enrolment.id(), certification)).isNotNull();
		mvc.perform(post(url + certification + "/approve").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
		progress.markDone(learner, enrolment.id(), certification);
	}

	private List<TrackProgress.State> states(Viewer viewer, Enrolment enrolment) {
		return progress.progress(viewer, enrolment.id()).steps().stream().map(TrackProgress.StepProgress::state).toList();
	}

	private java.sql.Timestamp releasedAt(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT released_at FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId).query((rs, n) -> rs.getTimestamp(1)).list().get(0);
	}

	private String bearer(PersonId id) {
		return "Bearer " + fixtures.token(id);
	}
}
