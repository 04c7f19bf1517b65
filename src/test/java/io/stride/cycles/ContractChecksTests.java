package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
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

/** What a contract must still hold after a change: goals' target dates within the cycle, priorities it may serve. */
@SpringBootTest
@Import(MovableClock.Config.class)
class ContractChecksTests {

	@Autowired
	LearningCycles cycles;

	@Autowired
	Priorities priorities;

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

	static GoalDraft draft(String what, List<PriorityId> serves, LocalDate target) {
		return new GoalDraft(what, null, null, serves, serves.isEmpty(), List.of(), List.of(), null, null, null,
				List.of(), target, false);
	}

	@Test
	void aCycleIsNotShortenedBeforeTheTargetDateOfOneOfItsGoals() {
		LearningCycle cycle = cycles.start(ana, new NewCycle(null, null, 60, Visibility.TEAM, List.of(), null, null,
				null));
		LocalDate target = cycle.startsOn().plusDays(50);
		Goal goal = cycles.addGoal(ana, cycle.id(), draft("Run a customer workshop", List.of(), target));
		int revision = cycles.cycle(ana, cycle.id()).revision();

		assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), revision, new CycleChange(null, null, 40, null, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("days")
				.extractingByKey("days")
				.asString()
				.contains("“Run a customer workshop” aims at " + target));
		assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), revision,
				new CycleChange(null, cycle.startsOn().plusDays(45), null, null, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("endsOn"));
		assertThat(cycles.cycle(ana, cycle.id()).endsOn()).isEqualTo(cycle.endsOn());

		cycles.editGoal(ana, goal.id(), draft("Run a customer workshop", List.of(), cycle.startsOn().plusDays(35)));
		LearningCycle shorter = cycles.edit(ana, cycle.id(), cycles.cycle(ana, cycle.id()).revision(),
				new CycleChange(null, null, 40, null, null, null));
		assertThat(shorter.endsOn()).isEqualTo(cycle.startsOn().plusDays(40));
	}

	@Test
	void aGoalServesOnlyPrioritiesOfAPeriodRunningTodayNotOneToCome() {
		LocalDate today = cycles.today();
		Viewer manager = fixtures.viewer(org.managerA());
		Priority now = priorities.publish(manager, org.teamA(), "Running " + org.suffix(),
				today.minusDays(5).toString(), today.plusDays(60).toString(),
				new PriorityContent(PriorityKind.PRIORITY, "Fewer escalations", null, List.of()));
		Priority later = priorities.publish(manager, org.teamA(), "Later " + org.suffix(),
				today.plusDays(200).toString(), today.plusDays(290).toString(),
				new PriorityContent(PriorityKind.PRIORITY, "Enter a new market", null, List.of()));
		assertThat(priorities.get(ana, later.id()).title()).as("Ana sees it").isEqualTo("Enter a new market");
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));

		assertThatThrownBy(() -> cycles.addGoal(ana, cycle.id(), draft("Market research", List.of(later.id()), null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("priorities"));

		Goal goal = cycles.addGoal(ana, cycle.id(), draft("Escalation handling", List.of(now.id()), null));
		assertThat(goal.priorities()).extracting(Goal.ServedPriority::id).containsExactly(now.id());
	}
}
