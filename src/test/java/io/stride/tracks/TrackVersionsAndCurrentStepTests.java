package io.stride.tracks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.stride.identity.Viewer;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Track timing and versions read true: which team's version a person follows (a team's applies to its sub-teams
 * without their own), one current step on every page, an open step that says why it opened before its pacing now
 * says, "Requires", each open step's action, and the team page's pacing fields.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrackVersionsAndCurrentStepTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrackDefinitions definitions;

	@Autowired
	TeamOverrides overrides;

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
	void aSubTeamFollowsItsParentTeamsVersionUntilItMakesItsOwnAndEveryPageSaysWhose() throws Exception {
		TrackId track = tracks.track("Versions " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "First");
		String second = tracks.step(track, 1, StepKind.EXTERNAL, "Second");
		tracks.teamOrder(track, org.teamA(), org.managerA(), second, first);
		String teamA = "Team A " + org.suffix() + "’s version";

		EffectiveTrack sub = definitions.effective(track, org.subTeamA()).orElseThrow();
		assertThat(sub.steps().stream().map(TrackStep::id).toList()).containsExactly(second, first);
		assertThat(sub.versionInWords()).isEqualTo(teamA);
		assertThat(sub.ownVersion()).isFalse();
		assertThat(definitions.effective(track, org.teamB()).orElseThrow().versionInWords()).isEqualTo("the organization’s");

		assertThat(page("/tracks/" + track.value(), org.learnerSubA()).select("#team-version").text())
			.isEqualTo("Your team follows " + teamA + " (the team above it) of this track: its order or pacing differs "
					+ "from the organization’s.");
		Enrolment subs = enrolments.enrol(fixtures.viewer(org.learnerSubA()), track, null, null, null);
		assertThat(progress.progress(subs).version()).isEqualTo(teamA);
		Document people = page("/tracks/" + track.value() + "/people", org.managerA());
		assertThat(people.select("#person-" + org.learnerSubA().value() + " .version-followed").text()).isEqualTo(teamA);
		assertThat(page("/tracks/" + track.value(), org.learnerSubA()).select("#version-followed").text())
			.isEqualTo("You follow " + teamA + " of this track (its order or pacing differs from the organization’s).");
		// the manager of the tree is offered a version for the sub-team too, which says whose it follows meanwhile
		Document managers = page("/tracks/" + track.value(), org.managerA());
		assertThat(managers.select("#team-version-" + org.subTeamA().value()).text()).isEqualTo("Re-sequence or re-pace it for "
				+ "Team A1 " + org.suffix() + " (follows " + teamA + ")");
		assertThat(managers.select("#team-version-" + org.teamA().value()).text()).endsWith("(follows its own version)");
		assertThat(managers.select("#team-version-" + org.subTeamA().value() + " a").attr("href"))
			.isEqualTo("/tracks/" + track.value() + "/teams/" + org.subTeamA().value());
		assertThat(page("/tracks/" + track.value() + "/teams/" + org.subTeamA().value(), org.managerA())
			.select("#version-state").text()).startsWith("Team A1 " + org.suffix() + " follows Team A " + org.suffix()
					+ "’s version, the team above it");

		tracks.teamOrder(track, org.subTeamA(), org.managerA(), first, second);
		EffectiveTrack own = definitions.effective(track, org.subTeamA()).orElseThrow();
		assertThat(own.steps().stream().map(TrackStep::id).toList()).containsExactly(first, second);
		assertThat(own.ownVersion()).isTrue();
		assertThat(own.versionInWords()).isEqualTo("Team A1 " + org.suffix() + "’s version");
	}

	@Test
	void thePersonsCurrentStepIsTheFirstOpenStepNotDoneElseTheNextToOpenOnEveryPage() throws Exception {
		TrackId track = tracks.track("Current " + org.suffix(), false, org.managerA());
		String later = tracks.step(track, 0, StepKind.EXTERNAL, "Plan the quarter");
		tracks.pacing(later, PacingRule.AFTER_ENROLMENT, 14, null);
		String now = tracks.step(track, 1, StepKind.EXTERNAL, "Run two EBRs");
		Viewer learner = fixtures.viewer(org.learnerA());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		assertThat(progress.progress(enrolment).current().step().id()).isEqualTo(now);
		assertThat(page("/tracks/" + track.value() + "/people", org.managerA())
			.select("#person-" + org.learnerA().value() + " td").first().text()).isEqualTo("Run two EBRs");
		Document mine = page("/my/tracks", org.learnerA());
		assertThat(mine.select("#following .open-now-steps li a").text()).isEqualTo("Run two EBRs");

		progress.markDone(learner, enrolment.id(), now);
		assertThat(progress.progress(enrolment).current().step().id()).isEqualTo(later);
		assertThat(page("/tracks/" + track.value() + "/people", org.managerA())
			.select("#person-" + org.learnerA().value() + " td").first().text()).isEqualTo("Plan the quarter");
	}

	@Test
	void anOpenStepSaysTruthfullyWhyItOpenedBeforeThePacingNowSays() throws Exception {
		TrackId track = tracks.track("Timing " + org.suffix(), false, org.managerA());
		String ebrs = tracks.step(track, 0, StepKind.EXTERNAL, "Run two EBRs");
		String review = tracks.step(track, 1, StepKind.EXTERNAL, "Review");
		tracks.requires(review, ebrs);
		String cert = tracks.step(track, 2, StepKind.EXTERNAL, "Certify");
		tracks.pacing(cert, PacingRule.AFTER_ENROLMENT, 30, null);
		Enrolment enrolment = enrolments.enrol(fixtures.viewer(org.learnerA()), track, null, null, null);
		String today = TrackProgressRules.day(LocalDate.now(ZoneOffset.UTC));

		// the manager re-paces the open step for the team: it stays open, and says so without contradicting itself
		overrides.save(fixtures.viewer(org.managerA()), track, org.teamA(), 0, List.of(ebrs, review, cert),
				Map.of(ebrs, new Pacing(PacingRule.AFTER_ENROLMENT, 10, null)), null);
		progress.releaseEarly(fixtures.viewer(org.managerA()), enrolment.id(), cert);

		Document show = page("/tracks/" + track.value(), org.learnerA());
		assertThat(show.select("#step-" + ebrs + " .step-state").text())
			.isEqualTo("Open — open since " + today + " (opened before the pacing changed)");
		assertThat(show.select("#step-" + ebrs + " .step-kind").text()).isEqualTo("External");
		assertThat(show.select("#step-" + cert + " .step-state").text())
			.isEqualTo("Open — open since " + today + " (opened early by your manager)");
		assertThat(show.select("#step-" + review).text()).contains("Requires “Run two EBRs”").doesNotContain("After:");
		assertThat(show.select("#action-" + ebrs).text()).isEqualTo("Open the activity When you have finished it, mark it done here.");
		assertThat(show.select("#action-" + ebrs + " a").attr("rel")).isEqualTo("noopener noreferrer");
	}

	@Test
	void anOpenGoalSuggestionOffersToStartTheGoalInACycle() throws Exception {
		TrackId track = tracks.track("Goals " + org.suffix(), false, org.managerA());
		String goal = tracks.step(track, 0, StepKind.GOAL_SUGGESTION, "Lead a renewal");
		enrolments.enrol(fixtures.viewer(org.learnerA()), track, null, null, null);

		Document show = page("/tracks/" + track.value(), org.learnerA());
		assertThat(show.select("#action-" + goal + " a").text()).isEqualTo("Start a cycle");
		assertThat(show.select("#action-" + goal + " a").attr("href")).isEqualTo("/cycles/new");
		assertThat(show.select("#action-" + goal).text()).contains("add the goal “Lead a renewal”");
		assertThat(page("/my/tracks", org.learnerA()).select("#following .open-now-steps li a").attr("href"))
			.isEqualTo("/cycles/new");
	}

	@Test
	void theTeamPageSaysWhenTheDateCountsAndARefusedSaveShowsItsErrorOnceAtTheField() throws Exception {
		TrackId track = tracks.track("Team page " + org.suffix(), false, org.managerA());
		String step = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow");
		String url = "/tracks/" + track.value() + "/teams/" + org.teamA().value();
		Document team = page(url, org.managerA());
		assertThat(team.select("label[for=releaseOn-" + step + "]").text()).isEqualTo("Date (for “on a fixed date” only)");
		assertThat(team.select("[data-rules=FIXED_DATE] #releaseOn-" + step)).hasSize(1);

		Document refused = Jsoup.parse(mvc.perform(post(url).param("revision", "0").param("place." + step, "1")
				.param("rule." + step, "FIXED_DATE").param("releaseOn." + step, "").with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
		String message = refused.select("#releaseOn-" + step + "-error").text();
		assertThat(message).isNotBlank();
		assertThat(refused.select("main").text().split(java.util.regex.Pattern.quote(message), -1)).hasSize(2);
	}

	private Document page(String url, io.stride.identity.PersonId who) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(io.stride.identity.PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}
}
