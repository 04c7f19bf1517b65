package io.stride.journey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.stride.capability.CapabilityId;
import io.stride.rhythm.InterventionKind;
import io.stride.rhythm.RhythmRows;
import io.stride.rhythm.RitualId;
import io.stride.rhythm.RitualKind;
import io.stride.rhythm.RitualSchedule;
import io.stride.rhythm.SessionId;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager reads the pre-read of a team's pipeline call (the last session's intervention reviewed in it), opens its
 * printable view, and goes on to the ritual's history. Every page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class ManagerReadsAPreReadAndTheRitualHistoryJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	RhythmRows rhythm;

	@Autowired
	RitualSchedule schedule;

	@Autowired
	MovableClock clock;

	Org org;

	SessionId next;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		clock.reset();
		org = fixtures.organization();
		CapabilityId escalations = capabilityRows.capability("Complex escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		capabilityRows.target(org.teamA(), escalations, 1, 2, org.managerA());
		Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(6));
		RitualId ritual = rhythm.weekly(org.teamA(), "Pipeline call " + org.suffix(), RitualKind.PIPELINE_CALL, first,
				24, org.managerA());
		SessionId last = schedule.prepare(ritual, first);
		rhythm.held(last);
		rhythm.gap(last, escalations, "Only Ben handles them", org.managerA(), org.learnerA());
		rhythm.intervention(last, org.teamA(), 1, InterventionKind.PAIR_OR_SHADOW, escalations, org.managerA(),
				LocalDate.now(clock).plusDays(3), null, "Pair Ana with Ben", "DONE", 0, null);
		capabilityRows.holds(org.learnerA(), escalations, 1, null);
		next = schedule.prepare(ritual, first.plus(Duration.ofDays(7)));
		browser = Browser.open(port, "pre-read");
	}

	@AfterEach
	void stop() {
		browser.close();
		clock.reset();
	}

	@Test
	void managerReadsAPreReadAndTheRitualHistory() throws Exception {
		LearnerSteps.signIn(browser, org.email("manager-a"));
		readsThePreRead();
		printsIt();
		readsTheHistory();
	}

	private void readsThePreRead() throws Exception {
		browser.go("/sessions/" + next.value() + "/pre-read");
		assertThat(browser.find("h1").getText()).isEqualTo("Pre-read: Pipeline call " + org.suffix());
		assertThat(browser.text()).contains("Complex escalations " + org.suffix() + ": Short, 1 of 2 needed",
				"Done. Coverage went from 0 to 1 holder.",
				"it does not show the intervention caused it.");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.screenshot("pre-read");
	}

	private void printsIt() throws Exception {
		browser.navigate("#print-link");
		assertThat(browser.path()).isEqualTo("/sessions/" + next.value() + "/pre-read?print=");
		assertThat(browser.text()).contains("Back to the pre-read", "Last session's interventions");
		browser.checkAccessibility();
		browser.navigate(browser.link("Back to the pre-read"));
	}

	private void readsTheHistory() throws Exception {
		browser.navigate("#history-link");
		assertThat(browser.find("h1").getText()).isEqualTo("History of Pipeline call " + org.suffix());
		assertThat(browser.text()).contains("Only Ben handles them", "Pair Ana with Ben");
		browser.checkAccessibility();
		browser.checkFitsAPhone();
		browser.screenshot("ritual-history");
	}
}
