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
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
		tracks.highInvestment(certification);
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		clock.advance(Duration.ofDays(2));
		job.releaseDue();
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.NEEDS_APPROVAL);
		assertThat(tracks.releasedAt(enrolment.id(), certification)).isNull();
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
		assertThat(tracks.releasedAt(enrolment.id(), certification)).isNotNull();
		mvc.perform(post(url + certification + "/approve").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
		progress.markDone(learner, enrolment.id(), certification);
	}

	@Test
	void aManagerDeclinesACertificationStepWithAReasonThePersonReadsAndMayStillApproveItLater() throws Exception {
		TrackId track = tracks.track("Declined step " + org.suffix(), false, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Basics");
		String certification = tracks.step(track, 1, StepKind.EXTERNAL, "Certification");
		tracks.highInvestment(certification);
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		String decline = "/enrolments/" + enrolment.id() + "/steps/" + certification + "/decline";

		var refused = Jsoup.parse(mvc.perform(post(decline).param("reason", "  ")
				.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#reason-" + certification + "-error").text()).isEqualTo("Give a reason: the person reads it.");
		assertThat(refused.select("#reason-" + certification).attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.select("#step-" + certification + " details.decline-step").hasAttr("open")).isTrue();
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.NEEDS_APPROVAL);

		mvc.perform(post(decline).param("reason", "The budget opens in April.").with(SignedIn.as(fixtures.viewerPerson(org.learnerA())))
				.with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post(decline).param("reason", "The budget opens in April.")
				.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(states(learner, enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.NEEDS_APPROVAL);
		assertThat(tracks.releasedAt(enrolment.id(), certification)).isNull();
		var own = Jsoup.parse(mvc.perform(get("/tracks/" + track.value()).with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andReturn().getResponse().getContentAsString());
		assertThat(own.select("#step-" + certification + " .step-state").text())
			.contains("Declined by your manager for now: The budget opens in April.");
		await().atMost(Duration.ofSeconds(10)).until(() -> tracks.notices(org.learnerA(), "Not now: “Certification”") == 1);

		String url = "/api/v1/enrolments/" + enrolment.id() + "/steps/" + certification;
		mvc.perform(post(url + "/decline").contentType("application/json").content("{\"reason\":\"Again.\"}")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
		mvc.perform(post(url + "/approve").header("Authorization", bearer(org.managerA()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[1].state").value("OPEN"))
			.andExpect(jsonPath("$.steps[1].declineReason").doesNotExist());
	}

	private List<TrackProgress.State> states(Viewer viewer, Enrolment enrolment) {
		return EnrolmentFixtures.states(progress, viewer, enrolment);
	}

	private String bearer(PersonId id) {
		return "Bearer " + fixtures.token(id);
	}
}
