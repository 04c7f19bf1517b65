package io.stride.analytics.cycles;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.GoalId;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.Priorities;
import io.stride.cycles.Priority;
import io.stride.cycles.PriorityContent;
import io.stride.cycles.PriorityId;
import io.stride.cycles.PriorityKind;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small organization's learning cycles for the figures: contracts written the real way ({@link LearningCycles}),
 * history moved back in time and validation requests and help offers inserted in their tables (those flows are built
 * elsewhere).
 * <ul>
 * <li>Team A (Manager A, Learner A; sub-team A1 with Learner A1) and team B (Manager B, Learner B).</li>
 * <li>Learner A's cycle started today: goal 1 serves an organization priority and themselves and looks for help
 * (Learner B offered it), goal 2 serves team A's priority (an offer withdrawn), goal 3 serves themselves and looks for
 * help (no offer).</li>
 * <li>Learner A1's cycle ran from the 1st of two months ago until it was closed on the 15th of last month: one goal
 * for themselves.</li>
 * <li>Learner B's cycle started today: one goal for themselves.</li>
 * <li>Goal 1: Learner B validated it 2 days after being asked, Manager A answered "not yet" after 4 days, Learner A1
 * declined, Manager B has not answered. Learner B's goal: Learner A1 validated it after 1 day. All answers today.</li>
 * </ul>
 */
@Component
public class CycleAnalyticsFixtures {

	private final Fixtures fixtures;

	private final LearningCycles cycles;

	private final Priorities priorities;

	private final JdbcClient jdbc;

	private final Clock clock;

	CycleAnalyticsFixtures(Fixtures fixtures, LearningCycles cycles, Priorities priorities, JdbcClient jdbc,
			Clock clock) {
		this.fixtures = fixtures;
		this.cycles = cycles;
		this.priorities = priorities;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Story(Org org, LocalDate today, YearMonth month, GoalId goal1, GoalId goal2, GoalId goal3) {
	}

	public Story story() {
		Org org = fixtures.organization();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String period = "Now " + org.suffix();
		Priority organization = priorities.publish(fixtures.admin(), null, period, today.minusDays(60).toString(),
				today.plusDays(120).toString(), new PriorityContent(PriorityKind.CHALLENGE, "Apply AI in support", "",
						List.of()));
		Priority team = priorities.publish(fixtures.viewer(org.managerA()), org.teamA(), period, null, null,
				new PriorityContent(PriorityKind.PRIORITY, "Faster onboarding", "", List.of()));

		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle anas = cycles.start(ana, NewCycle.blank("Ana's cycle"));
		Goal goal1 = cycles.addGoal(ana, anas.id(), goal("Prompting for support", List.of(organization.id()), true, true));
		Goal goal2 = cycles.addGoal(ana, anas.id(), goal("Onboarding guide", List.of(team.id()), false, false));
		Goal goal3 = cycles.addGoal(ana, anas.id(), goal("Public speaking", List.of(), true, true));

		Viewer sub = fixtures.viewer(org.learnerSubA());
		LearningCycle earlier = cycles.start(sub, NewCycle.blank("Earlier cycle"));
		cycles.addGoal(sub, earlier.id(), GoalDraft.of("Pair programming"));
		YearMonth month = YearMonth.from(today);
		LocalDate started = month.minusMonths(2).atDay(1);
		jdbc.sql("UPDATE learning_cycles SET starts_on = ?, ends_on = ?, status = 'CLOSED', closed_at = ? WHERE id = ?")
			.params(started, started.plusDays(60), Timestamp.from(month.minusMonths(1).atDay(15).atTime(12, 0)
				.toInstant(ZoneOffset.UTC)), earlier.id().value())
			.update();

		Viewer bea = fixtures.viewer(org.learnerB());
		LearningCycle beas = cycles.start(bea, NewCycle.blank("Bea's cycle"));
		Goal beasGoal = cycles.addGoal(bea, beas.id(), GoalDraft.of("Negotiation"));

		validation(goal1.id(), org.learnerA(), org.learnerB(), "VALIDATED", now.minus(Duration.ofDays(2)), now);
		validation(goal1.id(), org.learnerA(), org.managerA(), "NOT_YET", now.minus(Duration.ofDays(4)), now);
		validation(goal1.id(), org.learnerA(), org.learnerSubA(), "DECLINED", now.minus(Duration.ofDays(1)), now);
		validation(goal1.id(), org.learnerA(), org.managerB(), "REQUESTED", now.minus(Duration.ofDays(1)), null);
		validation(beasGoal.id(), org.learnerB(), org.learnerSubA(), "VALIDATED", now.minus(Duration.ofDays(1)), now);

		offer(goal1.id(), org.learnerB(), now.minus(Duration.ofHours(1)), null);
		offer(goal2.id(), org.learnerSubA(), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
		return new Story(org, today, month, goal1.id(), goal2.id(), goal3.id());
	}

	static GoalDraft goal(String what, List<PriorityId> serves, boolean self, boolean help) {
		return new GoalDraft(what, null, null, serves, self, List.of(), List.of(), null, null, null, List.of(), null,
				help);
	}

	public void validation(GoalId goal, PersonId requester, PersonId validator, String status, Instant created,
			Instant answered) {
		jdbc.sql("INSERT INTO goal_validation_requests (id, goal_id, requester_id, validator_id, status, created_at, "
				+ "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), goal.value(), requester.value(), validator.value(), status,
					Timestamp.from(created), answered == null ? null : Timestamp.from(answered))
			.update();
	}

	public void offer(GoalId goal, PersonId helper, Instant at, Instant withdrawn) {
		jdbc.sql("INSERT INTO goal_help_offers (id, goal_id, helper_id, helper_name, created_at, withdrawn_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), goal.value(), helper.value(), "A helper", Timestamp.from(at),
					withdrawn == null ? null : Timestamp.from(withdrawn))
			.update();
	}
}
