package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.capability.CoverageStatus;
import io.stride.capability.LearningNeed;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of priorities and their periods, and the learning needs a team's people see: short and at-risk
 * capabilities, without anybody's name.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class PrioritiesTests {

	@Autowired
	Priorities priorities;

	@Autowired
	Coverage coverage;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	Org org;

	Viewer admin;

	String period;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		admin = fixtures.admin();
		period = "2027 H1 " + org.suffix();
	}

	@Test
	void aPeriodIsNamedOnceWithItsDatesAndLaterPrioritiesJoinIt() {
		Priority first = priorities.publish(admin, null, period, day(0), day(180), content(PriorityKind.PURPOSE, "Happy customers"));
		// the dates may be left out, or repeated, once the period exists
		Priority second = priorities.publish(admin, null, period.toLowerCase(), null, null,
				content(PriorityKind.CHALLENGE, "Ticket backlog"));
		assertThat(second.period()).isEqualTo(first.period());
		assertThatThrownBy(() -> priorities.publish(admin, null, period, day(1), day(180), content(PriorityKind.STRATEGY, "S")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("startsOn"));
		assertThat(priorities.organization(fixtures.viewer(org.learnerB()), period).priorities())
			.extracting(Priority::title)
			.containsExactly("Happy customers", "Ticket backlog");
	}

	@Test
	void aPeriodLastsAtMostTwoYearsAndItsDatesMustBeDates() {
		assertThatThrownBy(() -> priorities.publish(admin, null, period, day(0), day(800), content(PriorityKind.PURPOSE, "P")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsEntry("endsOn", "A period lasts at most two years."));
		assertThatThrownBy(() -> priorities.publish(admin, null, period, "1 January", day(10), content(PriorityKind.PURPOSE, "P")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("startsOn"));
		assertThatThrownBy(() -> priorities.publish(admin, null, " ", day(0), day(10), content(PriorityKind.PURPOSE, "P")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("period"));
	}

	@Test
	void aTeamsPeopleSeeItsShortAndAtRiskCapabilitiesWithoutNames() {
		CapabilityId shortOne = rows.capability("Complex escalations " + org.suffix(), "Support", admin.id());
		CapabilityId atRisk = rows.capability("Refund policy " + org.suffix(), "Support", admin.id());
		CapabilityId covered = rows.capability("Ticket triage " + org.suffix(), "Support", admin.id());
		rows.target(org.teamA(), shortOne, 1, 2, org.managerA());
		rows.target(org.teamA(), atRisk, 1, 1, org.managerA());
		rows.target(org.teamA(), covered, 1, 1, org.managerA());
		rows.holds(org.learnerA(), shortOne, 1, null);
		rows.holds(org.learnerA(), atRisk, 1, null);
		rows.holds(org.learnerA(), covered, 1, null);
		rows.holds(org.learnerSubA(), covered, 1, null);

		List<LearningNeed> needs = coverage.learningNeeds(fixtures.viewer(org.learnerSubA()), org.teamA());
		assertThat(needs).extracting(LearningNeed::capabilityId).containsExactly(shortOne, atRisk);
		assertThat(needs).extracting(LearningNeed::status).containsExactly(CoverageStatus.SHORT, CoverageStatus.AT_RISK);
		assertThat(needs.get(0).toString()).doesNotContain("Learner");
		assertThatThrownBy(() -> coverage.learningNeeds(fixtures.viewer(org.learnerB()), org.teamA()))
			.isInstanceOf(NotFoundException.class);
		// a member of the team above is not in the sub-team's tree
		assertThatThrownBy(() -> coverage.learningNeeds(fixtures.viewer(org.learnerA()), org.subTeamA()))
			.isInstanceOf(NotFoundException.class);
	}

	private String day(int fromToday) {
		return LocalDate.now(clock).plusDays(fromToday).toString();
	}

	private static PriorityContent content(PriorityKind kind, String title) {
		return new PriorityContent(kind, title, "", List.of());
	}
}
