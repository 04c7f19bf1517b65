package io.stride.tracks;

import java.time.Duration;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The track pages: the list, a track, the learner's tracks, a track's people and the managers' entry requests. */
@SpringBootTest
@AutoConfigureMockMvc
class TrackPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Org org;

	EnrolmentFixtures tracks;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
	}

	@Test
	void aLearnerFindsATrackEnrolsAndReadsWhatOpensNextInTheirTracks() throws Exception {
		TrackId track = tracks.track("Pages " + org.suffix(), false, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String next = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		tracks.pacing(next, PacingRule.AFTER_PREVIOUS, 7, null);
		TrackId draft = tracks.track("Draft " + org.suffix(), false, TrackStatus.DRAFT, org.managerA());

		Document list = page("/tracks", org.learnerA());
		assertThat(list.select("#track-" + track.value() + " h2").text()).isEqualTo("Pages " + org.suffix());
		assertThat(list.select("#track-" + track.value()).text()).contains("2 steps").contains("Enrol");
		assertThat(list.select("#track-" + draft.value())).isEmpty();
		assertThat(list.select("#new-track")).isEmpty();
		assertThat(page("/tracks", org.managerA()).select("#new-track a").attr("href")).isEqualTo("/tracks/new");

		Document show = page("/tracks/" + track.value(), org.learnerA());
		assertThat(show.select("#step-" + next + " .step-kind").text()).isEqualTo("External · opens 7 days after you finish “Shadow a call”");
		assertThat(show.select("#enrol-button").text()).isEqualTo("Enrol now");
		assertThat(show.select("#manage")).isEmpty();
		mvc.perform(get("/tracks/" + draft.value()).with(as(org.learnerA()))).andExpect(status().isNotFound());

		mvc.perform(post("/tracks/" + track.value() + "/enrolments").with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl("/tracks/" + track.value()));
		show = page("/tracks/" + track.value(), org.learnerA());
		assertThat(show.select("#progress-text").text()).isEqualTo("0 of 2 steps done");
		assertThat(show.select("#join")).isEmpty();
		assertThat(show.select("#withdraw summary").text()).isEqualTo("Leave this track");

		Document mine = page("/my/tracks", org.learnerA());
		assertThat(mine.select("#following .progress-text").text()).isEqualTo("0 of 2 steps done");
		assertThat(mine.select("#following .open-now").text()).startsWith("Open now: Shadow a call");
		// each open step is a link to what to do with it (here the external activity) and says how it is confirmed
		assertThat(mine.select("#following .open-now-steps li a").text()).isEqualTo("Shadow a call");
		assertThat(mine.select("#following .open-now-steps li a").attr("href")).startsWith("https://");
		assertThat(mine.select("#following .open-now-steps li").text()).contains("— Open the activity");
		assertThat(mine.select("#following .open-now-steps li small").text()).isEqualTo("When you have finished it, mark it done here.");
		assertThat(mine.select("#following .version-followed").text()).isEqualTo("Following the organization’s order and pacing.");
		assertThat(mine.select("#following .next-step").text()).isEqualTo("Next: Run a call, waits for “Shadow a call”.");
		assertThat(page("/my/tracks", org.learnerB()).select("#no-tracks").text()).contains("You follow no track yet");
		assertThat(page("/learning", org.learnerA()).select("#my-tracks-note a").first().attr("href")).isEqualTo("/my/tracks");
	}

	@Test
	void aManagerProposesSomeoneOfTheirTreeForAHighInvestmentTrackAndThePersonIsTold() throws Exception {
		TrackId track = tracks.track("Rotation " + org.suffix(), true, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Rotate");
		TrackId open = tracks.track("Open " + org.suffix(), false, org.managerA());
		tracks.step(open, 0, StepKind.EXTERNAL, "Read");
		assertThat(page("/tracks/" + open.value(), org.managerA()).select("#propose")).isEmpty();
		assertThat(page("/tracks/" + track.value(), org.learnerA()).select("#propose")).isEmpty();

		Document show = page("/tracks/" + track.value(), org.managerA());
		assertThat(show.select("#propose-heading").text()).isEqualTo("Propose someone");
		assertThat(show.select("#personId option[value]").eachAttr("value")).contains(org.learnerA().value(),
				org.learnerSubA().value()).doesNotContain(org.learnerB().value(), org.managerA().value());
		assertThat(show.select("label[for=personId]")).hasSize(1);
		assertThat(show.select("label[for=proposalNote]")).hasSize(1);

		Document refused = Jsoup.parse(mvc.perform(post("/tracks/" + track.value() + "/proposals").param("note", "Kept.")
				.with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#personId-error").text()).isEqualTo("Choose someone in your teams.");
		assertThat(refused.select("#personId").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.select("#proposalNote").text()).isEqualTo("Kept.");
		refused = Jsoup.parse(mvc.perform(post("/tracks/" + track.value() + "/proposals")
				.param("personId", org.learnerB().value()).with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#personId-error").text()).startsWith("Choose someone in your teams who has not");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM track_enrolments WHERE track_id = ?").param(track.value())
			.query(Integer.class).single()).isZero();

		mvc.perform(post("/tracks/" + track.value() + "/proposals").param("personId", org.learnerA().value())
				.param("note", "Ready for the rotation.").with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/tracks/" + track.value()));
		// the proposing manager is the one who approves entry: her proposal is approved at once, not left for her
		var row = jdbc.sql("SELECT status, requested_by, request_note, decided_by FROM track_enrolments WHERE track_id = ? "
				+ "AND person_id = ?")
			.params(track.value(), org.learnerA().value())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(row).containsExactly("ACTIVE", org.managerA().value(), "Ready for the rotation.", org.managerA().value());
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM notifications "
				+ "WHERE person_id = ? AND subject = ?")
			.params(org.learnerA().value(), "You joined “Rotation " + org.suffix() + "”")
			.query(Integer.class).single() == 1);
		assertThat(page("/tracks/" + track.value(), org.learnerA()).select("#enrolment-status").text())
			.startsWith("Enrolled on");
		assertThat(page("/enrolment-requests", org.managerA()).text()).doesNotContain("Rotation " + org.suffix());
		// once proposed, the person is no longer offered; a second proposal is refused at the field
		assertThat(page("/tracks/" + track.value(), org.managerA()).select("#personId option[value]").eachAttr("value"))
			.doesNotContain(org.learnerA().value());
		mvc.perform(post("/tracks/" + track.value() + "/proposals").param("personId", org.learnerA().value())
				.with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/tracks/" + track.value() + "/proposals").param("personId", org.learnerA().value()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aManagerDeclinesWithoutAReasonAndIsToldAtTheFieldThenApprovesAndSeesThePersonsPlace() throws Exception {
		TrackId track = tracks.track("Certification " + org.suffix(), true, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Exam");
		Document show = page("/tracks/" + track.value(), org.learnerA());
		assertThat(show.select("#high-investment").text()).contains("Your manager approves who enters");
		assertThat(show.select("#enrol-button").text()).isEqualTo("Ask to join");
		mvc.perform(post("/tracks/" + track.value() + "/enrolments").param("note", "Ready.").with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl("/tracks/" + track.value()));
		String id = jdbc.sql("SELECT id FROM track_enrolments WHERE track_id = ?").param(track.value()).query(String.class).single();

		Document inbox = page("/enrolment-requests", org.managerA());
		assertThat(inbox.select("#request-" + id + " h2").text()).isEqualTo("Learner A — Certification " + org.suffix());
		assertThat(inbox.select("#request-" + id + " blockquote").text()).isEqualTo("Ready.");
		assertThat(page("/enrolment-requests", org.managerB()).select("#no-requests")).hasSize(1);
		assertThat(page("/home", org.managerA()).select("#enrolment-requests-link a").attr("href")).isEqualTo("/enrolment-requests");

		Document refused = Jsoup.parse(mvc.perform(post("/enrolment-requests/" + id + "/decline").param("reason", " ")
				.with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#reason-" + id + "-error").text()).isEqualTo("Give a reason: the person reads it.");
		assertThat(refused.select("#reason-" + id).attr("aria-invalid")).isEqualTo("true");

		mvc.perform(post("/enrolment-requests/" + id + "/approve").with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/enrolment-requests"));
		mvc.perform(post("/enrolment-requests/" + id + "/approve").with(as(org.managerA())).with(csrf()))
			.andExpect(status().isConflict());
		Document people = page("/tracks/" + track.value() + "/people", org.managerA());
		assertThat(people.select("#person-" + org.learnerA().value()).text()).contains("Learner A").contains("Exam")
			.contains("0 of 1").contains("on pace");
		assertThat(people.select("#person-" + org.learnerA().value() + " .days-since").text()).isEqualTo("No step done yet");
		mvc.perform(get("/tracks/" + track.value() + "/people").with(as(org.learnerA()))).andExpect(status().isForbidden());
		Document person = page("/enrolments/" + id, org.managerA());
		assertThat(person.select("#status-heading").text()).isEqualTo("Learner A’s progress");
		// the reader is the manager who decides
		assertThat(person.select("#high-investment").text()).contains("As Learner A’s manager, you approve who enters.")
			.doesNotContain("Your manager");
		mvc.perform(get("/enrolments/" + id).with(as(org.learnerB()))).andExpect(status().isNotFound());
	}

	@Test
	void aManagerReadsSomeonesEnrolmentAboutThatPersonTheirProgressFirstAndOpeningAHighInvestmentStepAsks() throws Exception {
		TrackId track = tracks.track("Onboarding " + org.suffix(), false, org.managerA());
		tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String early = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		tracks.pacing(early, PacingRule.AFTER_PREVIOUS, 10, null);
		String exam = tracks.step(track, 2, StepKind.EXTERNAL, "Exam");
		tracks.pacing(exam, PacingRule.AFTER_PREVIOUS, 10, null);
		tracks.highInvestment(exam);
		mvc.perform(post("/tracks/" + track.value() + "/enrolments").with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl("/tracks/" + track.value()));
		String id = jdbc.sql("SELECT id FROM track_enrolments WHERE track_id = ?").param(track.value()).query(String.class).single();
		mvc.perform(post("/enrolments/" + id + "/steps/" + early + "/release").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection());

		Document manager = page("/enrolments/" + id, org.managerA());
		String text = manager.select("main").text();
		assertThat(manager.select("#step-" + early + " .step-state").text()).contains("(opened early by Manager A)");
		assertThat(manager.select("#step-" + exam + " .step-kind").text()).contains("after Learner A finishes “Run a call”");
		assertThat(text).doesNotContain("you finish").doesNotContain("your manager").doesNotContain("Leave this track");
		assertThat(manager.select("#withdraw summary").text()).isEqualTo("End Learner A’s enrolment");
		// the person's progress and steps come first, the manager's tools after them
		assertThat(manager.select("#status, #steps-section, #manage").eachAttr("id")).containsExactly("status", "steps-section", "manage");
		assertThat(manager.select("#step-" + exam + " button[data-confirm]").text()).isEqualTo("Open now");
		assertThat(manager.select("#step-" + exam + " button[data-confirm]").attr("data-confirm")).startsWith("Open “Exam” now?");

		Document own = page("/enrolments/" + id, org.learnerA());
		assertThat(own.select("#withdraw summary").text()).isEqualTo("Leave this track");
		assertThat(own.select("#step-" + early + " .step-state").text()).contains("(opened early by your manager)");
		assertThat(own.select("#step-" + exam + " .step-kind").text()).contains("after you finish “Run a call”");
	}

	@Test
	void aStepWhoseTurnHasComeWaitsForTheManagerOnTheirEntryRequests() throws Exception {
		TrackId track = tracks.track("Incidents " + org.suffix(), false, org.managerA());
		String review = tracks.step(track, 0, StepKind.EXTERNAL, "Lead a review");
		String course = tracks.step(track, 1, StepKind.EXTERNAL, "Paid course");
		tracks.pacing(course, PacingRule.AFTER_PREVIOUS, 0, null);
		tracks.requires(course, review);
		tracks.highInvestment(course);
		mvc.perform(post("/tracks/" + track.value() + "/enrolments").with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl("/tracks/" + track.value()));
		String id = jdbc.sql("SELECT id FROM track_enrolments WHERE track_id = ?").param(track.value()).query(String.class).single();
		assertThat(page("/enrolment-requests", org.managerA()).select("#step-waiting-" + id)).isEmpty();

		mvc.perform(post("/enrolments/" + id + "/steps/" + review + "/done").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Document inbox = page("/enrolment-requests", org.managerA());
		assertThat(inbox.select("#step-waiting-" + id + " a").text()).isEqualTo("Learner A — Paid course");
		assertThat(inbox.select("#step-waiting-" + id + " a").attr("href")).isEqualTo("/enrolments/" + id);
		assertThat(page("/enrolment-requests", org.managerB()).select("#step-waiting-" + id)).isEmpty();
		// waiting for approval: only Approve and Decline (with its reason required), neither Confirm done nor Open now
		Document waiting = page("/enrolments/" + id, org.managerA());
		assertThat(waiting.select("#step-" + course + " button").eachText()).containsExactly("Approve", "Decline");
		assertThat(waiting.select("#reason-" + course).hasAttr("required")).isTrue();
	}

	@Test
	void everyMainAreaIsInTheNavigationOfEveryPageAndTheCurrentOneIsMarked() throws Exception {
		Document learners = page("/my/tracks", org.learnerA());
		var nav = learners.select("nav[aria-label=Main]");
		assertThat(nav.select("#learn-menu a").eachAttr("href"))
			.containsExactly("/learning", "/my/tracks", "/cycles", "/practice", "/mastery", "/profile/capabilities");
		assertThat(nav.select("#build-menu a").eachAttr("href")).containsExactly("/courses", "/library", "/tracks");
		assertThat(nav.select("#manage-menu")).isEmpty();
		assertThat(nav.select("a[aria-current=page]").eachAttr("id")).containsExactly("my-tracks-link");
		assertThat(nav.select("details.current-area").eachAttr("id")).containsExactly("learn-menu");

		Document managers = page("/enrolment-requests", org.managerA());
		nav = managers.select("nav[aria-label=Main]");
		assertThat(nav.select("#manage-menu a").eachText()).containsExactly("Teams", "Entry requests");
		assertThat(nav.select("#build-menu a").eachText()).contains("Tracks");
		assertThat(nav.select("a[aria-current=page]").eachAttr("id")).containsExactly("enrolment-requests-link");
		assertThat(nav.select("details.current-area").eachAttr("id")).containsExactly("manage-menu");
		assertThat(page("/tracks", org.managerA()).select("nav[aria-label=Main] a[aria-current=page]").eachAttr("id"))
			.containsExactly("tracks-link");
		assertThat(page("/library", org.managerA()).select("nav[aria-label=Main] a[aria-current=page]").eachAttr("id"))
			.containsExactly("library-link");
		assertThat(page("/notifications", org.managerA()).select("nav[aria-label=Main] details.current-area")).isEmpty();
	}

	private Document page(String path, PersonId who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
