package io.stride.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.shared.NotFoundException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A ritual's and a team's history: sessions newest first with their gaps and interventions, pages, access. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class RitualHistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	RhythmRows rhythm;

	@Autowired
	RitualSchedule schedule;

	@Autowired
	RitualHistory history;

	@Autowired
	MovableClock clock;

	Org org;

	CapabilityId escalations;

	Instant first;

	RitualId ritual;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		escalations = capabilityRows.capability("Complex escalations " + org.suffix(), "Support", fixtures.admin().id());
		first = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(70));
		ritual = rhythm.weekly(org.teamA(), "Pipeline call " + org.suffix(), RitualKind.PIPELINE_CALL, first, 24,
				org.managerA());
	}

	@Test
	void theHistoryShowsSessionsNewestFirstWithGapsInterventionsAndWhatMovedSince() throws Exception {
		SessionId one = schedule.prepare(ritual, first);
		SessionId two = schedule.prepare(ritual, first.plus(Duration.ofDays(7)));
		rhythm.gap(one, escalations, "Only Ben handles them", org.managerA(), org.learnerA());
		rhythm.intervention(one, org.teamA(), 1, InterventionKind.ASSIGN_COURSE, escalations, org.managerA(),
				LocalDate.now(clock).minusDays(1), null, "Escalation basics for Ana", "OPEN", 0, null);
		capabilityRows.holds(org.learnerA(), escalations, 1, null);

		mvc.perform(get("/api/v1/rituals/{id}/history", ritual.value()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.sessions", hasSize(2)))
			.andExpect(jsonPath("$.sessions[0].id").value(two.value()))
			.andExpect(jsonPath("$.sessions[0].gaps", hasSize(0)))
			.andExpect(jsonPath("$.sessions[1].id").value(one.value()))
			.andExpect(jsonPath("$.sessions[1].gaps[0].capability").value("Complex escalations " + org.suffix()))
			.andExpect(jsonPath("$.sessions[1].gaps[0].people[0]").value("Learner A"))
			.andExpect(jsonPath("$.sessions[1].interventions[0].status").value("OPEN"))
			.andExpect(jsonPath("$.sessions[1].interventions[0].holdersNow").value(1))
			.andExpect(jsonPath("$.sessions[1].interventions[0].effect").value(
					"Not done yet (due " + LocalDate.now(clock).minusDays(1) + "). Coverage went from 0 to 1 holder. "
							+ "This moved together with the intervention; it does not show the intervention caused it."));

		mvc.perform(get("/teams/{id}/ritual-history", org.teamA().value())
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ritual history of Team A " + org.suffix())))
			.andExpect(content().string(containsString("Only Ben handles them")))
			.andExpect(content().string(containsString("Escalation basics for Ana")));
	}

	@Test
	void aLongHistoryComesInPagesOfTen() {
		for (int week = 0; week < 12; week++) {
			schedule.prepare(ritual, first.plus(Duration.ofDays(7L * week)));
		}
		RitualHistory.Page page1 = history.ofRitual(fixtures.viewer(org.managerA()), ritual, 1);
		RitualHistory.Page page2 = history.ofRitual(fixtures.viewer(org.managerA()), ritual, 2);

		assertThat(page1.total()).isEqualTo(12);
		assertThat(page1.pages()).isEqualTo(2);
		assertThat(page1.sessions()).hasSize(10);
		assertThat(page1.sessions().get(0).startsAt()).isEqualTo(first.plus(Duration.ofDays(77)));
		assertThat(page2.sessions()).extracting(RitualHistory.Session::startsAt)
			.containsExactly(first.plus(Duration.ofDays(7)), first);
	}

	@Test
	void anEmptyHistorySaysWhatFillsIt() throws Exception {
		mvc.perform(get("/rituals/{id}/history", ritual.value()).with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-sessions\"")))
			.andExpect(content().string(containsString("<h1>History of Pipeline call " + org.suffix() + "</h1>")));
	}

	@Test
	void outsidersAreToldTheRitualDoesNotExist() throws Exception {
		assertThatThrownBy(() -> history.ofRitual(fixtures.viewer(org.managerB()), ritual, 1))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> history.ofTeam(fixtures.viewer(org.learnerA()), org.teamA(), 1))
			.isInstanceOf(NotFoundException.class);
		// the manager of the team above reads the sub-team's
		assertThat(history.ofTeam(fixtures.viewer(org.managerA()), org.subTeamA(), 1).sessions()).isEmpty();
		mvc.perform(get("/api/v1/rituals/{id}/history", ritual.value()).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/{id}/ritual-history", org.teamA().value())
			.header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
