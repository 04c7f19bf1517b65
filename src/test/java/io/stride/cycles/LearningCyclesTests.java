package io.stride.cycles;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
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

/** The rules of learning cycles: length, goals that say something, who reads a contract and who only sees it exists. */
@SpringBootTest
@Import(MovableClock.Config.class)
class LearningCyclesTests {

	@Autowired
	LearningCycles cycles;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aCycleLastsThirtyToNinetyTwoDaysAndSixtyByDefault() {
		Viewer ana = fixtures.viewer(org.learnerA());
		for (int days : new int[] { 29, 93, 0, -5 }) {
			assertThatThrownBy(() -> cycles.start(ana, new NewCycle(null, null, days, null, List.of(), null, null, null)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsOnlyKeys("days"));
		}
		assertThat(cycles.mine(ana)).isEmpty();

		LearningCycle started = cycles.start(ana, NewCycle.blank("  Spring cycle  "));

		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		assertThat(started.title()).isEqualTo("Spring cycle");
		assertThat(started.startsOn()).isEqualTo(today);
		assertThat(started.endsOn()).isEqualTo(today.plusDays(60));
		assertThat(started.visibility()).isEqualTo(Visibility.TEAM);
		assertThat(started.access()).isEqualTo(CycleAccess.OWNER);
		assertThat(cycles.start(fixtures.viewer(org.learnerB()),
				new NewCycle(null, null, 30, Visibility.MANAGER, List.of(), null, null, null)).days()).isEqualTo(30);
		assertThat(cycles.start(fixtures.viewer(org.learnerSubA()),
				new NewCycle(null, null, 92, Visibility.MANAGER, List.of(), null, null, null)).days()).isEqualTo(92);
		assertThatThrownBy(() -> cycles.start(ana, NewCycle.blank("A second one")))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anEmptyGoalOrOneThatServesNothingIsRefusedAtTheFieldAndTheContractKeepsWhatItHad() {
		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal kept = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));

		assertThatThrownBy(() -> cycles.addGoal(ana, cycle.id(), GoalDraft.of("   ")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("what"));
		GoalDraft servesNothing = new GoalDraft("Negotiate renewals", null, null, List.of(), false, List.of(), List.of(),
				null, null, null, List.of(), null, false);
		assertThatThrownBy(() -> cycles.addGoal(ana, cycle.id(), servesNothing))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("why"));
		GoalDraft outside = new GoalDraft("Write a playbook", null, 2, List.of(), true, List.of(),
				List.of(new GoalDraft.Resource("", "javascript:alert(1)")), null, org.learnerA(), null,
				List.of(new PersonId("not-a-person")), cycle.endsOn().plusDays(1), false);
		assertThatThrownBy(() -> cycles.addGoal(ana, cycle.id(), outside))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsKeys("targetLevel", "resources", "mentor", "validators", "targetDate"));

		assertThat(cycles.cycle(ana, cycle.id()).goals()).extracting(Goal::what).containsExactly(kept.what());
		assertThatThrownBy(() -> cycles.editGoal(ana, kept.id(), GoalDraft.of("")))
			.isInstanceOf(InvalidInputException.class);
		assertThat(cycles.cycle(ana, cycle.id()).goals()).extracting(Goal::what).containsExactly("Run a customer workshop");
	}

	@Test
	void theContractWarnsWhenNoGoalServesTheTeamOrThePersonButNeverBlocks() {
		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		cycles.addGoal(ana, cycle.id(), GoalDraft.of("Learn SQL window functions"));

		assertThat(cycles.cycle(ana, cycle.id()).warnings()).containsExactly(LearningCycles.SERVES_TEAM_WARNING);
	}

	@Test
	void whoReadsAContractIsWhomItsOwnerChoseAndTheirManagerSeesOnlyThatItExists() {
		Viewer ana = fixtures.viewer(org.learnerA());
		Viewer manager = fixtures.viewer(org.managerA());
		Viewer teammateInSubTeam = fixtures.viewer(org.learnerSubA());
		Viewer outsider = fixtures.viewer(org.learnerB());
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		cycles.addGoal(ana, cycle.id(), GoalDraft.of("Lead a retrospective"));

		assertThat(cycles.cycle(outsider, cycle.id()).goals()).extracting(Goal::what)
			.containsExactly("Lead a retrospective");
		LearningCycle managerView = cycles.cycle(manager, cycle.id());
		assertThat(managerView.access()).isEqualTo(CycleAccess.EXISTENCE);
		assertThat(managerView.goals()).singleElement().satisfies(g -> {
			assertThat(g.what()).isNull();
			assertThat(g.servesSelf()).isTrue();
		});
		assertThat(managerView.viewers()).isEmpty();
		assertThat(cycles.cycle(fixtures.admin(), cycle.id()).access()).isEqualTo(CycleAccess.EXISTENCE);
		assertThatThrownBy(() -> cycles.cycle(teammateInSubTeam, cycle.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> cycles.cycle(fixtures.viewer(org.managerB()), cycle.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> cycles.addGoal(outsider, cycle.id(), GoalDraft.of("Sneak a goal in")))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aTeamContractIsReadByTheOwnersTeamAndManagersButNotByOtherTeams() {
		Viewer ana = fixtures.viewer(org.learnerA());
		PersonId teammate = fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(), Set.of(org.teamA()),
				Set.of());
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));

		assertThat(cycles.cycle(fixtures.viewer(teammate), cycle.id()).access()).isEqualTo(CycleAccess.READ);
		assertThat(cycles.cycle(fixtures.viewer(org.managerA()), cycle.id()).access()).isEqualTo(CycleAccess.READ);
		assertThatThrownBy(() -> cycles.cycle(fixtures.viewer(org.learnerB()), cycle.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void startingFromAPreviousContractCopiesItsGoals() {
		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle first = cycles.start(ana, NewCycle.blank("First"));
		Goal goal = cycles.addGoal(ana, first.id(), new GoalDraft("Write runbooks", null, null, List.of(), true,
				List.of(), List.of(new GoalDraft.Resource("The SRE book", "https://sre.google/books/")), "On-call",
				org.learnerB(), "Two runbooks used in an incident", List.of(org.learnerB()), null, false));
		jdbc.sql("UPDATE learning_cycles SET status = 'CLOSED' WHERE id = ?").param(first.id().value()).update();

		LearningCycle second = cycles.start(ana, new NewCycle("Second", null, null, null, List.of(), first.id(), null,
				null));

		assertThat(second.goals()).singleElement().satisfies(g -> {
			assertThat(g.what()).isEqualTo("Write runbooks");
			assertThat(g.resources()).extracting(Goal.Link::title).containsExactly("The SRE book");
			assertThat(g.validators()).extracting(r -> r.id()).containsExactly(org.learnerB());
			assertThat(g.carriedFrom()).isEqualTo(goal.id());
			assertThat(g.id()).isNotEqualTo(goal.id());
		});
	}
}
