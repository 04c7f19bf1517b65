package io.stride.cycles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.capability.CapabilityId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists read a fixed number of times however long they are: the validator's inbox, a team's help requests. */
@SpringBootTest
@Import({ MovableClock.Config.class, Statements.Config.class })
class CycleListReadsTests {

	@Autowired
	PeerValidation validation;

	@Autowired
	HelpRequests help;

	@Autowired
	LearningCycles cycles;

	@Autowired
	ValidationFixtures rows;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	Org org;

	Viewer ana;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
	}

	@Test
	void theValidatorsInboxReadsAsOftenForTenRequestsAsForTwo() {
		CapabilityId capability = rows.validatedCapability("Workshops " + org.suffix(), 1);
		Viewer ben = fixtures.viewer(org.learnerB());
		rows.holds(ben.id(), capability, 3);
		Viewer subA = fixtures.viewer(org.learnerSubA());
		List<Goal> goals = new ArrayList<>();
		Map<GoalId, Viewer> owners = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			for (Viewer owner : List.of(ana, subA)) {
				Goal goal = rows.goal(owner, Visibility.TEAM, "Workshop " + i, capability, 2, List.of());
				rows.checkIn(goal, "Ran workshop " + i, 40);
				rows.produced(goal, "Recording " + i, "https://example.com/" + i);
				goals.add(goal);
				owners.put(goal.id(), owner);
			}
		}
		goals.subList(0, 2).forEach(g -> validation.ask(owners.get(g.id()), g.id(), List.of(ben.id()), null));
		Statements.Counted<List<ValidationRequest>> two = Statements.counted(() -> validation.inbox(ben));
		goals.subList(2, 10).forEach(g -> validation.ask(owners.get(g.id()), g.id(), List.of(ben.id()), null));

		Statements.Counted<List<ValidationRequest>> ten = Statements.counted(() -> validation.inbox(ben));

		assertThat(two.result()).hasSize(2);
		assertThat(ten.result()).hasSize(10).allSatisfy(r -> {
			assertThat(r.wouldCountTowardLevel()).isTrue();
			assertThat(r.evidence().checkIns()).hasSize(1);
			assertThat(r.evidence().produced()).hasSize(1);
		});
		assertThat(ten.count()).as("statements for ten requests, against %d for two", two.count())
			.isEqualTo(two.count());
	}

	@Test
	void aTeamsHelpRequestsReadAsOftenForTenGoalsAsForTwo() {
		CapabilityId capability = rows.validatedCapability("Negotiation " + org.suffix(), 1);
		Viewer subA = fixtures.viewer(org.learnerSubA());
		Viewer teammate = fixtures.viewer(fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(),
				Set.of(org.teamA()), Set.of()));
		List<Goal> goals = new ArrayList<>();
		Map<GoalId, Viewer> owners = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			Goal mine = rows.goal(ana, Visibility.TEAM, "Negotiate " + i, capability, 2, List.of());
			Goal theirs = rows.goal(subA, Visibility.ORGANIZATION, "Retrospective " + i, null, null, List.of());
			goals.addAll(List.of(mine, theirs));
			owners.put(mine.id(), ana);
			owners.put(theirs.id(), subA);
		}
		Viewer manager = fixtures.viewer(org.managerA());
		goals.subList(0, 2).forEach(g -> help.setLookingForHelp(owners.get(g.id()), g.id(), true));
		Statements.Counted<HelpRequests.TeamHelp> two = Statements.counted(() -> help.team(manager, org.teamA()));
		int twoForTeammate = Statements.countedIn(() -> help.team(teammate, org.teamA()));
		goals.subList(2, 10).forEach(g -> help.setLookingForHelp(owners.get(g.id()), g.id(), true));

		Statements.Counted<HelpRequests.TeamHelp> ten = Statements.counted(() -> help.team(manager, org.teamA()));
		Statements.Counted<HelpRequests.TeamHelp> tenForTeammate = Statements.counted(() -> help.team(teammate,
				org.teamA()));

		assertThat(two.result().requests()).hasSize(2);
		assertThat(ten.result().requests()).hasSize(10);
		assertThat(tenForTeammate.result().requests()).hasSize(10);
		assertThat(ten.count()).as("statements for ten goals, against %d for two", two.count()).isEqualTo(two.count());
		assertThat(tenForTeammate.count()).isEqualTo(twoForTeammate);
	}
}
