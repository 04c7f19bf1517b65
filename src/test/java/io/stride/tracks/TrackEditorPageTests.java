package io.stride.tracks;

import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The track editor's pages: a new track, steps added, moved and refused next to the field with what was typed kept,
 * and a team's version saved from its place numbers and pacing, refused, kept after a base change and reset.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrackEditorPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TrackApiCalls calls;

	@Autowired
	TrackDefinitions definitions;

	Org org;

	PersonId lnd;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		lnd = calls.learningTeam(org);
	}

	@Test
	void aManagerCreatesATeamTrackFromTheNewTrackPage() throws Exception {
		mvc.perform(get("/tracks/new").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New track")))
			.andExpect(content().string(containsString("Team A " + org.suffix())))
			.andExpect(content().string(not(containsString("The organization’s (everyone"))));
		mvc.perform(post("/tracks/new").with(as(org.managerA())).with(csrf())
				.param("ownerTeamId", org.teamA().value()).param("title", " ").param("description", "Kept as typed"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the track a title.")))
			.andExpect(content().string(containsString("Kept as typed")));
		String location = mvc.perform(post("/tracks/new").with(as(org.managerA())).with(csrf())
				.param("ownerTeamId", org.teamA().value()).param("title", "Team A onboarding"))
			.andExpect(redirectedUrlPattern("/tracks/*/edit"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Owned by team Team A " + org.suffix())))
			.andExpect(content().string(containsString("No step yet.")));

		mvc.perform(get("/tracks/new").with(as(org.learnerA()))).andExpect(status().isForbidden());
		mvc.perform(get(location).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(post("/tracks/new").with(as(org.learnerA())).with(csrf()).param("title", "Mine"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/tracks/new").with(as(org.managerA())).param("title", "No CSRF"))
			.andExpect(status().isForbidden());
	}

	@Test
	void stepsAreAddedMovedAndRefusedNextToTheFieldWithWhatWasTypedKept() throws Exception {
		Viewer me = fixtures.viewer(lnd);
		Track track = definitions.create(me, new TrackDraft("Renewals " + org.suffix(), "", null, null, false, null, null));
		String path = "/tracks/" + track.id().value();

		mvc.perform(post(path + "/steps").with(as(lnd)).with(csrf()).param("kind", "OBSERVED_TASK")
				.param("title", "Discovery call").param("confirmation", "MANAGER").param("pacingRule", "ON_ENROLMENT")
				.param("revision", "1"))
			.andExpect(redirectedUrlPattern(path + "/edit#step-*"));
		TrackStep discovery = definitions.steps(track.id()).get(0);
		mvc.perform(post(path + "/steps").with(as(lnd)).with(csrf()).param("kind", "EXTERNAL")
				.param("title", "Certification").param("externalUrl", "http://insecure.example.org")
				.param("confirmation", "SELF").param("pacingRule", "AFTER_PREVIOUS").param("pacingDays", "often"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a whole number of days from 0 to 365.")))
			.andExpect(content().string(containsString("value=\"http://insecure.example.org\"")));
		mvc.perform(post(path + "/steps").with(as(lnd)).with(csrf()).param("kind", "EXTERNAL")
				.param("title", "Certification").param("externalUrl", "http://insecure.example.org")
				.param("confirmation", "SELF").param("pacingRule", "AFTER_PREVIOUS").param("pacingDays", "10"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a full https address")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(post(path + "/steps").with(as(lnd)).with(csrf()).param("kind", "EXTERNAL")
				.param("title", "Certification").param("externalUrl", "https://example.org/cert")
				.param("confirmation", "SELF").param("pacingRule", "AFTER_PREVIOUS").param("pacingDays", "10")
				.param("prerequisites", discovery.id()))
			.andExpect(status().is3xxRedirection());
		TrackStep certification = definitions.steps(track.id()).get(1);

		// a circle made from the page is refused with the circle named
		mvc.perform(post(path + "/steps/" + discovery.id()).with(as(lnd)).with(csrf()).param("kind", "OBSERVED_TASK")
				.param("title", "Discovery call").param("confirmation", "MANAGER").param("pacingRule", "ON_ENROLMENT")
				.param("prerequisites", certification.id()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("“Discovery call” → “Certification” → “Discovery call”")));
		// the move buttons keep the rule: the certification cannot go above what it requires
		int revision = definitions.find(track.id()).orElseThrow().revision();
		mvc.perform(post(path + "/steps/order").with(as(lnd)).with(csrf()).param("move", certification.id())
				.param("direction", "up").param("revision", String.valueOf(revision)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A step cannot come before what it requires")));
		mvc.perform(post(path + "/publish").with(as(lnd)).with(csrf()).param("revision", String.valueOf(revision)))
			.andExpect(redirectedUrl(path + "/edit"));
		String page = mvc.perform(get(path + "/edit").with(as(lnd)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Published, version 1")
			.contains("Released 10 days after the previous step")
			.contains("Requires")
			.contains("Teams' versions");
		mvc.perform(get(path + "/edit").with(as(org.learnerA()))).andExpect(status().isForbidden());
	}

	@Test
	void aManagerSavesTheirTeamsVersionFromThePageAndResetsIt() throws Exception {
		Viewer me = fixtures.viewer(lnd);
		Track track = definitions.create(me, new TrackDraft("Customer Success " + org.suffix(), "", null, null, false,
				null, null));
		TrackStep a = definitions.addStep(me, track.id(), null, task("Discovery", Set.of()));
		TrackStep b = definitions.addStep(me, track.id(), null, task("Plan", Set.of(a.id())));
		TrackStep c = definitions.addStep(me, track.id(), null, task("Negotiation", Set.of()));
		definitions.publish(me, track.id(), definitions.find(track.id()).orElseThrow().revision());
		String path = "/tracks/" + track.id().value() + "/teams/" + org.teamA().value();

		mvc.perform(get(path).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("follows the organization’s track (version 1)")))
			.andExpect(content().string(containsString("The organization’s order")));
		mvc.perform(post(path).with(as(org.managerA())).with(csrf()).param("revision", "0")
				.param("place." + b.id(), "1").param("place." + a.id(), "2").param("place." + c.id(), "3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("“Plan” (step 1) requires “Discovery” (step 2)")));
		mvc.perform(post(path).with(as(org.managerA())).with(csrf()).param("revision", "0")
				.param("rule." + c.id(), "SOMETIMES").param("days." + c.id(), "soon"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose ON_ENROLMENT, AFTER_PREVIOUS")));
		mvc.perform(post(path).with(as(org.managerA())).with(csrf()).param("revision", "0")
				.param("rule." + c.id(), "AFTER_ENROLMENT").param("days." + c.id(), "400"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"days-" + c.id() + "-error\"")))
			.andExpect(content().string(containsString("value=\"400\"")));
		mvc.perform(post(path).with(as(org.managerA())).with(csrf()).param("revision", "0")
				.param("place." + a.id(), "2").param("place." + b.id(), "3").param("place." + c.id(), "1")
				.param("rule." + a.id(), "AFTER_PREVIOUS").param("days." + a.id(), "14").param("note", "Negotiation first")
				.param("rule." + c.id(), "FIXED_DATE").param("releaseOn." + c.id(), "2031-02-01"))
			.andExpect(redirectedUrl(path));
		String saved = mvc.perform(get(path).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Changed: moved from 3 to 1")))
			.andExpect(content().string(containsString("Changed: 14 days after the previous step instead of on enrolment")))
			.andReturn().getResponse().getContentAsString();
		// the note once (in its field), the date also written as everywhere else
		assertThat(StringUtils.countOccurrencesOf(saved, "Negotiation first")).isEqualTo(1);
		assertThat(Jsoup.parse(saved).select("#releaseOn-" + c.id() + "-day").text()).isEqualTo("1 February 2031");
		mvc.perform(get(path).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"team-form\""))));
		mvc.perform(post(path).with(as(org.learnerA())).with(csrf()).param("revision", "1")).andExpect(status().isForbidden());
		mvc.perform(get(path).with(as(org.managerB()))).andExpect(status().isNotFound());

		definitions.addStep(me, track.id(), null, task("Renewal", Set.of()));
		mvc.perform(get(path).with(as(org.managerA())))
			.andExpect(content().string(containsString("The organization’s track changed since (v1 → v2)")))
			.andExpect(content().string(containsString("New step “Renewal” was placed after “Negotiation”")));
		mvc.perform(post(path + "/keep").with(as(org.managerA())).with(csrf()).param("revision", "1"))
			.andExpect(redirectedUrl(path));
		mvc.perform(get(path).with(as(org.managerA())))
			.andExpect(content().string(not(containsString("id=\"base-changed\""))));
		mvc.perform(post(path + "/reset").with(as(org.managerA())).with(csrf())).andExpect(redirectedUrl(path));
		mvc.perform(get(path).with(as(org.managerA())))
			.andExpect(content().string(containsString("follows the organization’s track (version 2)")));
	}

	private static StepDraft task(String title, Set<String> prerequisites) {
		return new StepDraft(StepKind.OBSERVED_TASK, title, null, null, null, null, null, null, null,
				Confirmation.MANAGER, null, prerequisites, false, null);
	}

	private RequestPostProcessor as(PersonId id) {
		return SignedIn.as(fixtures.viewerPerson(id));
	}

}
