package io.stride.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.stride.capability.CapabilityCoverage;
import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.identity.Viewer;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One measure of coverage everywhere in the operating rhythm: the people qualified and available (not away), as the
 * coverage page's status and the weekly snapshots count them. A qualified person on leave counts in none of the
 * manager's home, the pre-read (and its change since the snapshot), an intervention's holders when recorded and now,
 * and the ritual history.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class CoverageCountsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	RhythmRows rhythm;

	@Autowired
	RitualSchedule schedule;

	@Autowired
	Coverage coverage;

	@Autowired
	Interventions interventions;

	@Autowired
	PreReads preReads;

	@Autowired
	ManagerHome home;

	@Autowired
	RitualHistory history;

	@Autowired
	MovableClock clock;

	@Test
	void aQualifiedPersonOnLeaveCountsNowhereInTheRhythm() {
		clock.reset();
		Org org = fixtures.organization();
		Viewer manager = fixtures.viewer(org.managerA());
		CapabilityId escalations = capabilityRows.capability("Complex escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		capabilityRows.target(org.teamA(), escalations, 1, 3, org.managerA());
		LocalDate today = LocalDate.now(clock);
		capabilityRows.holds(org.learnerA(), escalations, 1, today.plusDays(200));
		capabilityRows.holds(org.learnerSubA(), escalations, 1, today.plusDays(200));
		// on leave over both sessions: qualified, but not there to cover
		capabilityRows.absence(org.learnerSubA(), today.minusDays(1), today.plusDays(30), "LEAVE");
		CapabilityCoverage covered = coverage.coverage(manager, org.teamA(), null)
			.capabilities()
			.stream()
			.filter(c -> c.capabilityId().equals(escalations))
			.findFirst()
			.orElseThrow();
		assertThat(covered.qualified()).hasSize(2);
		assertThat(covered.away()).hasSize(1);
		assertThat(covered.available()).isEqualTo(1);
		coverage.snapshot(fixtures.admin(), org.teamA());

		Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(1));
		RitualId ritual = rhythm.weekly(org.teamA(), "QBR " + org.suffix(), RitualKind.QUARTERLY_BUSINESS_REVIEW, first,
				24, org.managerA());
		SessionId one = schedule.prepare(ritual, first);
		Intervention recorded = interventions.record(manager, one, new InterventionDraft("PROPOSE_CYCLE_GOAL",
				escalations.value(), org.managerA().value(), today.plusDays(20).toString(), null,
				"Handle an escalation alone", null, org.learnerA().value(), null, null));
		assertThat(recorded.holdersBefore()).as("holders when recorded").isEqualTo(1);

		clock.advance(Duration.ofDays(8));
		rhythm.held(one);
		SessionId two = schedule.prepare(ritual, first.plus(Duration.ofDays(7)));

		PreRead preRead = preReads.of(manager, two);
		assertThat(preRead.coverage()).singleElement().satisfies(line -> {
			assertThat(line.qualified()).isEqualTo(1);
			assertThat(line.qualifiedBefore()).as("the snapshot before the last session").isEqualTo(1);
			assertThat(line.change()).as("nobody gained or lost the capability").isZero();
		});
		assertThat(PreReadMarkdown.of(preRead)).contains("Short, 1 of 3 needed.");
		assertThat(preRead.interventions()).singleElement().satisfies(review -> {
			assertThat(review.holdersBefore()).isEqualTo(1);
			assertThat(review.holdersNow()).isEqualTo(1);
			assertThat(review.effect()).contains("Coverage stayed at 1 holder");
		});

		assertThat(home.home(manager, org.teamA()).capabilities())
			.filteredOn(c -> c.capabilityId().equals(escalations))
			.singleElement()
			.satisfies(c -> assertThat(c.qualified()).isEqualTo(1));

		assertThat(history.ofRitual(manager, ritual, 1).sessions())
			.flatMap(RitualHistory.Session::interventions)
			.singleElement()
			.satisfies(i -> {
				assertThat(i.holdersBefore()).isEqualTo(1);
				assertThat(i.holdersNow()).isEqualTo(1);
			});
	}
}
