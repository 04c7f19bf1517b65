package io.stride.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.stride.capability.CapabilityId;
import io.stride.shared.Ids;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager signs in and starts on their home: what is short, what expires, the next ritual and what it reviews,
 * each passing axe-core on a desktop and on a phone; from there one click reaches the coverage page to act on, and
 * one click reaches My learning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerStartsOnTheirHomeJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	JdbcClient jdbc;

	Org org;

	CapabilityId escalations;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		LocalDate today = LocalDate.now();
		escalations = rows.capability("Handle a complex escalation " + org.suffix(), "Customer Success " + org.suffix(),
				org.managerA());
		rows.holds(org.learnerA(), escalations, 2, today.plusDays(25));
		rows.target(org.teamA(), escalations, 2, 2, org.managerA());
		Instant held = Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		String ritual = Ids.newId();
		String session = Ids.newId();
		Timestamp at = Timestamp.from(held);
		jdbc.sql("INSERT INTO rituals (id, team_id, kind, name, cadence, first_starts_at, time_zone, duration_minutes, "
				+ "agenda_minutes, agenda_note, pre_read_hours, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, 'QUARTERLY_BUSINESS_REVIEW', ?, 'WEEKLY', ?, 'Europe/Berlin', 90, 30, '', 24, 1, ?, ?, ?)")
			.params(ritual, org.teamA().value(), "Business review " + org.suffix(), at, org.managerA().value(), at, at)
			.update();
		jdbc.sql("INSERT INTO ritual_sessions (id, ritual_id, team_id, starts_at, status, notes, held_at, created_at) "
				+ "VALUES (?, ?, ?, ?, 'HELD', '', ?, ?)")
			.params(session, ritual, org.teamA().value(), at, at, at)
			.update();
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "description, status, revision, created_by, created_at) "
				+ "VALUES (?, ?, ?, 1, 'PAIR_OR_SHADOW', ?, ?, ?, 'Learner A1 shadows two escalations', 'OPEN', 1, ?, ?)")
			.params(Ids.newId(), session, org.teamA().value(), escalations.value(), org.managerA().value(),
					today.plusDays(7), org.managerA().value(), at)
			.update();
		browser = Browser.open(port, "manager-home");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void managerSignsInToTheirHomeAndActsFromIt() throws Exception {
		signsIn();
		seesWhatNeedsThemOnADesktopAndAPhone();
		opensTheCoverageFromTheShortCapability();
		reachesMyLearningInOneClick();
	}

	private void signsIn() {
		browser.go("/login");
		browser.type("#email", org.email("manager-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		assertThat(browser.path()).isEqualTo("/home");
	}

	private void seesWhatNeedsThemOnADesktopAndAPhone() throws Exception {
		assertThat(browser.text()).contains("Handle a complex escalation " + org.suffix(), "Short",
				"Learner A: Handle a complex escalation " + org.suffix(), "Within 30 days",
				"Business review " + org.suffix(), "Pair or shadow with someone who holds the capability",
				"Learner A1 shadows two escalations", "No commission is open", "No learning hours planned");
		browser.checkAccessibility();
		browser.screenshot("home-1280");
		browser.windowSize(390, 844);
		browser.checkFitsWidth();
		browser.checkAccessibility();
		browser.screenshot("home-390");
		browser.windowSize(1280, 1000);
	}

	private void opensTheCoverageFromTheShortCapability() {
		browser.navigate("#risk-" + escalations.value() + " a");
		assertThat(browser.path()).isEqualTo("/teams/" + org.teamA().value() + "/coverage");
		browser.go("/");
		assertThat(browser.path()).isEqualTo("/home");
	}

	private void reachesMyLearningInOneClick() {
		browser.navigate("#my-learning-link a");
		assertThat(browser.path()).isEqualTo("/learning");
		assertThat(browser.find("h1").getText()).isEqualTo("My learning");
		browser.navigate("#home-link");
		assertThat(browser.path()).isEqualTo("/home");
	}
}
