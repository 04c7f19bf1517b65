package io.stride.cycles;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.stride.cycles.CheckIns.GoalCheckIn;
import io.stride.cycles.CycleClosing.Closing;
import io.stride.cycles.CycleClosing.GoalReflection;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** During a cycle and at its end: discussion, check-ins, produced links, the reminder, closing and carrying over. */
@SpringBootTest
@Import(MovableClock.Config.class)
@RecordApplicationEvents
class CycleWorkTests {

	@Autowired
	LearningCycles cycles;

	@Autowired
	CycleDiscussion discussion;

	@Autowired
	CheckIns checkIns;

	@Autowired
	CycleClosing closing;

	@Autowired
	CycleReminders reminders;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	Org org;

	Viewer ana;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
	}

	// --- discussion ------------------------------------------------------------------------------------------------

	@Test
	void anInvitedColleagueReadsAManagerContractCommentsAndTheOwnerIsNotified() {
		LearningCycle cycle = cycles.start(ana, new NewCycle(null, null, 45, Visibility.MANAGER, List.of(), null, null, null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
		Viewer ben = fixtures.viewer(org.learnerB());
		assertThatThrownBy(() -> cycles.cycle(ben, cycle.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> discussion.comment(ben, goal.id(), null, "Looks good"))
			.isInstanceOf(NotFoundException.class);

		LearningCycle after = discussion.invite(ana, cycle.id(), List.of(org.learnerB()), "Your view on goal 1?");

		assertThat(after.invited()).extracting(p -> p.name()).containsExactly("Learner B");
		assertThat(cycles.cycle(ben, cycle.id()).access()).isEqualTo(CycleAccess.READ);
		assertThat(cycles.sharedWithMe(ben)).extracting(CycleSummary::id).containsExactly(cycle.id());
		CycleDiscussion.Comment first = discussion.comment(ben, goal.id(), null, "Who are the customers?");
		discussion.comment(ana, goal.id(), first.id(), "Two pilot accounts.");
		assertThat(discussion.comments(ana, goal.id())).singleElement().satisfies(c -> {
			assertThat(c.authorName()).isEqualTo("Learner B");
			assertThat(c.body()).isEqualTo("Who are the customers?");
			assertThat(c.replies()).singleElement().satisfies(r -> {
				assertThat(r.authorName()).isEqualTo("Learner A");
				assertThat(r.parentId()).isEqualTo(first.id());
			});
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(notifications.page(ben, 1).items()).extracting(Notifications.Notification::subject)
				.contains("Learner A invites you to discuss their learning contract",
						"Learner A replied on “Run a customer workshop”");
			assertThat(notifications.page(ana, 1).items()).anySatisfy(n -> {
				assertThat(n.subject()).isEqualTo("Learner B commented on “Run a customer workshop”");
				assertThat(n.body()).isEqualTo("Who are the customers?");
				assertThat(n.link()).isEqualTo("/goals/" + goal.id().value() + "#discussion");
			});
		});
		// inviting again notifies nobody twice
		discussion.invite(ana, cycle.id(), List.of(org.learnerB()), null);
		assertThat(events.stream(DiscussionInvited.class)).hasSize(1);
	}

	@Test
	void aManagerWhoOnlySeesTheCycleExistsCommentsButReadsNoCheckIns() {
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Lead a retrospective"));
		checkIns.checkIn(ana, cycle.id(), List.of(new GoalCheckIn(goal.id(), "Read the book", 20, 30)));
		Viewer manager = fixtures.viewer(org.managerA());

		discussion.comment(manager, goal.id(), null, "Happy to sponsor a team retro.");

		assertThat(discussion.comments(ana, goal.id())).extracting(CycleDiscussion.Comment::authorName)
			.containsExactly("Manager A");
		assertThat(checkIns.ofGoal(manager, goal.id())).isEmpty();
		assertThat(checkIns.ofGoal(fixtures.viewer(org.learnerB()), goal.id())).singleElement()
			.satisfies(c -> assertThat(c.note()).isEqualTo("Read the book"));
		assertThatThrownBy(() -> discussion.comments(fixtures.viewer(org.managerB()), goal.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> discussion.invite(manager, cycle.id(), List.of(org.learnerB()), null))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void badCommentsAndInvitationsGet422AtTheFieldAndSaveNothing() {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));
		Goal other = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Read code"));
		CycleDiscussion.Comment onOther = discussion.comment(ana, other.id(), null, "A note to self");

		for (String body : new String[] { "  ", "x".repeat(2001), "bad\u0000text" }) {
			assertThatThrownBy(() -> discussion.comment(ana, goal.id(), null, body))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("body"));
		}
		assertThatThrownBy(() -> discussion.comment(ana, goal.id(), onOther.id(), "A reply elsewhere"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("parentId"));
		assertThat(discussion.comments(ana, goal.id())).isEmpty();

		assertThatThrownBy(() -> discussion.invite(ana, cycle.id(), List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("people"));
		assertThatThrownBy(() -> discussion.invite(ana, cycle.id(), List.of(org.learnerA()), null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("people"));
		assertThatThrownBy(() -> discussion.invite(ana, cycle.id(), List.of(new PersonId("nobody")), "x".repeat(501)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("people", "message"));
		assertThat(cycles.cycle(ana, cycle.id()).invited()).isEmpty();
	}

	// --- check-ins and produced links --------------------------------------------------------------------------------

	@Test
	void aCheckInCoversSeveralGoalsUpdatesProgressAndTimeAndOnlyTheOwnerChecksIn() {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal sql = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));
		Goal code = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Read code"));
		Goal quiet = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Mentor someone"));

		List<CheckIns.CheckIn> saved = checkIns.checkIn(ana, cycle.id(), List.of(
				new GoalCheckIn(sql.id(), "Window functions done", 40, 90),
				new GoalCheckIn(code.id(), "Read the parser", 10, null),
				new GoalCheckIn(quiet.id(), "", 0, null)));
		clock.advance(Duration.ofDays(3));
		checkIns.checkIn(ana, cycle.id(), List.of(new GoalCheckIn(sql.id(), "CTEs too", 60, 30)));

		assertThat(saved).hasSize(2);
		Map<GoalId, Goal> goals = goalsOf(cycle.id());
		assertThat(goals.get(sql.id()).progress()).isEqualTo(60);
		assertThat(goals.get(sql.id()).minutesLogged()).isEqualTo(120);
		assertThat(goals.get(code.id()).progress()).isEqualTo(10);
		assertThat(goals.get(quiet.id()).progress()).isZero();
		assertThat(checkIns.ofGoal(ana, sql.id())).extracting(CheckIns.CheckIn::note)
			.containsExactly("CTEs too", "Window functions done");
		Viewer teammate = fixtures.viewer(org.managerA());
		assertThat(checkIns.ofCycle(teammate, cycle.id())).hasSize(3);
		assertThatThrownBy(() -> checkIns.checkIn(teammate, cycle.id(), List.of(new GoalCheckIn(sql.id(), "Hi", 99, 0))))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> checkIns.checkIn(fixtures.viewer(org.learnerB()), cycle.id(),
				List.of(new GoalCheckIn(sql.id(), "Hi", 99, 0))))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aBadCheckInIsRefusedAtTheGoalsFieldAndSavesNothing() {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal sql = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));
		Goal code = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Read code"));
		String s = "goals[" + sql.id().value() + "]";
		String c = "goals[" + code.id().value() + "]";

		assertThatThrownBy(() -> checkIns.checkIn(ana, cycle.id(), List.of(
				new GoalCheckIn(sql.id(), "Fine", 101, 1441),
				new GoalCheckIn(code.id(), " ", 50, null),
				new GoalCheckIn(new GoalId("not-a-goal"), "Hm", 1, null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys(s + ".progress", s + ".minutes", c + ".note", "goals[not-a-goal]"));
		assertThatThrownBy(() -> checkIns.checkIn(ana, cycle.id(), List.of(new GoalCheckIn(sql.id(), null, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("goals"));
		assertThat(checkIns.ofCycle(ana, cycle.id())).isEmpty();
		assertThat(goalsOf(cycle.id()).get(code.id()).progress()).isZero();
	}

	@Test
	void theOwnerKeepsLinksToWhatAGoalProduced() {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));

		Goal.Link link = checkIns.addProduced(ana, goal.id(), " Reporting query ", "https://git.example.com/pr/42");

		assertThat(goalsOf(cycle.id()).get(goal.id()).produced()).extracting(Goal.Link::title)
			.containsExactly("Reporting query");
		assertThatThrownBy(() -> checkIns.addProduced(ana, goal.id(), "", "javascript:alert(1)"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("title", "url"));
		assertThatThrownBy(() -> checkIns.addProduced(fixtures.viewer(org.managerA()), goal.id(), "Mine", "https://x.example"))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> checkIns.removeProduced(ana, goal.id(), "no-such-link"))
			.isInstanceOf(NotFoundException.class);
		checkIns.removeProduced(ana, goal.id(), link.id());
		assertThat(goalsOf(cycle.id()).get(goal.id()).produced()).isEmpty();
	}

	// --- the reminder ------------------------------------------------------------------------------------------------

	@Test
	void theReminderComesOnceHalfwayToWhoeverHasNotCheckedInLately() {
		LearningCycle quiet = cycles.start(ana, new NewCycle("Quiet", null, 40, null, List.of(), null, null, null));
		Viewer busy = fixtures.viewer(org.learnerB());
		LearningCycle active = cycles.start(busy, new NewCycle("Busy", null, 40, null, List.of(), null, null, null));
		Goal busyGoal = cycles.addGoal(busy, active.id(), GoalDraft.of("Practise"));
		Viewer none = fixtures.viewer(org.learnerSubA());
		LearningCycle never = cycles.start(none, new NewCycle("Never", null, 40, null, List.of(), null, null, 0));

		clock.advance(Duration.ofDays(19));
		reminders.send();
		assertThat(remindedAt(quiet.id())).as("day 19 of 40 is before halfway").isFalse();

		clock.advance(Duration.ofDays(1));
		checkIns.checkIn(busy, active.id(), List.of(new GoalCheckIn(busyGoal.id(), "On it", 50, null)));
		reminders.send();
		reminders.send();

		assertThat(remindedAt(quiet.id())).isTrue();
		assertThat(remindedAt(active.id())).as("checked in today").isFalse();
		assertThat(remindedAt(never.id())).as("0 means no reminder").isFalse();
		assertThat(events.stream(CheckInReminderDue.class).filter(e -> e.person().equals(org.learnerA())))
			.singleElement()
			.satisfies(e -> assertThat(e.cycleId()).isEqualTo(quiet.id()));

		clock.advance(Duration.ofDays(CycleReminders.QUIET_DAYS + 1));
		reminders.send();
		assertThat(remindedAt(active.id())).as("a week without a check-in").isTrue();
		assertThat(events.stream(CheckInReminderDue.class).filter(e -> e.person().equals(org.learnerA()))).hasSize(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(ana, 1).items()).anySatisfy(n -> {
				assertThat(n.subject()).isEqualTo("How is “Quiet” going?");
				assertThat(n.link()).isEqualTo("/cycles/" + quiet.id().value() + "/check-in");
			}));
	}

	@Test
	void aChosenReminderDayComesBeforeHalfway() {
		LearningCycle cycle = cycles.start(ana, new NewCycle("Early", null, 60, null, List.of(), null, null, 10));

		clock.advance(Duration.ofDays(10));
		reminders.send();

		assertThat(remindedAt(cycle.id())).isTrue();
	}

	// --- closing -----------------------------------------------------------------------------------------------------

	@Test
	void closingReflectsOnEachGoalCarriesTheUnfinishedIntoANewCycleAndCountsValidatedGoals() {
		LearningCycle cycle = cycles.start(ana,
				new NewCycle("Spring", null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, 20));
		Goal learned = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));
		Goal partly = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Read code"));
		Goal not = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Give a talk"));
		checkIns.checkIn(ana, cycle.id(), List.of(new GoalCheckIn(partly.id(), "Halfway", 50, 60)));
		discussion.invite(ana, cycle.id(), List.of(org.managerB()), null);
		jdbc.sql("INSERT INTO goal_validation_requests (id, goal_id, requester_id, validator_id, status, created_at) "
				+ "VALUES (?, ?, ?, ?, 'VALIDATED', now()), (?, ?, ?, ?, 'NOT_YET', now())")
			.params(io.stride.shared.Ids.newId(), learned.id().value(), org.learnerA().value(), org.learnerB().value(),
					io.stride.shared.Ids.newId(), partly.id().value(), org.learnerA().value(), org.learnerB().value())
			.update();
		clock.advance(Duration.ofDays(30));

		CycleClosing.Closed closed = closing.close(ana, cycle.id(), new Closing(List.of(
				new GoalReflection(learned.id(), GoalOutcome.LEARNED, "Window functions click now", null),
				new GoalReflection(partly.id(), GoalOutcome.PARTLY, "The parser is big", "Pair with Ben"),
				new GoalReflection(not.id(), GoalOutcome.NOT_LEARNED, null, null)), List.of(partly.id(), not.id()), null,
				null));

		assertThat(closed.cycle().status()).isEqualTo(CycleStatus.CLOSED);
		assertThat(closed.cycle().goals()).extracting(Goal::outcome)
			.containsExactly(GoalOutcome.LEARNED, GoalOutcome.PARTLY, GoalOutcome.NOT_LEARNED);
		assertThat(closed.cycle().goals().get(1).nextStep()).isEqualTo("Pair with Ben");
		LearningCycle next = cycles.cycle(ana, closed.next());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		assertThat(next.status()).isEqualTo(CycleStatus.ACTIVE);
		assertThat(next.title()).isEqualTo("Spring (continued)");
		assertThat(next.startsOn()).isEqualTo(today);
		assertThat(next.days()).isEqualTo(45);
		assertThat(next.visibility()).isEqualTo(Visibility.NAMED);
		assertThat(next.viewers()).extracting(p -> p.name()).containsExactly("Learner B");
		assertThat(next.invited()).extracting(p -> p.name()).containsExactly("Manager B");
		assertThat(next.goals()).extracting(Goal::what).containsExactly("Read code", "Give a talk");
		assertThat(next.goals()).allSatisfy(g -> {
			assertThat(g.progress()).isZero();
			assertThat(g.minutesLogged()).isZero();
			assertThat(g.outcome()).isNull();
		});
		assertThat(next.goals()).extracting(Goal::carriedFrom).containsExactly(partly.id(), not.id());
		assertThat(cycles.active(ana)).map(LearningCycle::id).contains(next.id());
		assertThat(events.stream(CycleClosed.class).filter(e -> e.cycleId().equals(cycle.id())))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.person()).isEqualTo(org.learnerA());
				assertThat(e.goals()).isEqualTo(3);
				assertThat(e.validatedGoals()).isEqualTo(1);
			});
		assertThatThrownBy(() -> closing.close(ana, cycle.id(), new Closing(List.of(), List.of(), null, null)))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> checkIns.checkIn(ana, cycle.id(), List.of(new GoalCheckIn(learned.id(), "Late", 100, null))))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> checkIns.addProduced(ana, learned.id(), "Late", "https://x.example"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void closingWithoutAnOutcomeOrWithABadCarryOverIsRefusedAtTheFieldAndTheCycleStaysActive() {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal learned = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Write SQL"));
		Goal open = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Read code"));
		String l = "goals[" + learned.id().value() + "]";
		String o = "goals[" + open.id().value() + "]";

		assertThatThrownBy(() -> closing.close(ana, cycle.id(), new Closing(List.of(
				new GoalReflection(learned.id(), GoalOutcome.LEARNED, "x".repeat(2001), null)), List.of(learned.id()), 10,
				null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys(l + ".reflection", o + ".outcome", "carryOver", "days"));
		assertThatThrownBy(() -> closing.close(fixtures.viewer(org.managerA()), cycle.id(),
				new Closing(List.of(), List.of(), null, null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> closing.close(fixtures.viewer(org.learnerB()), cycle.id(),
				new Closing(List.of(), List.of(), null, null)))
			.isInstanceOf(NotFoundException.class);

		assertThat(cycles.cycle(ana, cycle.id()).status()).isEqualTo(CycleStatus.ACTIVE);
		assertThat(events.stream(CycleClosed.class).filter(e -> e.cycleId().equals(cycle.id()))).isEmpty();

		CycleClosing.Closed closed = closing.close(ana, cycle.id(), new Closing(List.of(
				new GoalReflection(learned.id(), GoalOutcome.LEARNED, null, null),
				new GoalReflection(open.id(), GoalOutcome.PARTLY, null, null)), List.of(), null, null));
		assertThat(closed.next()).isNull();
		assertThat(cycles.active(ana)).isEmpty();
		assertThat(events.stream(CycleClosed.class).filter(e -> e.cycleId().equals(cycle.id())))
			.singleElement()
			.satisfies(e -> assertThat(e.validatedGoals()).isZero());
	}

	private Map<GoalId, Goal> goalsOf(CycleId cycle) {
		Map<GoalId, Goal> result = new java.util.HashMap<>();
		cycles.cycle(ana, cycle).goals().forEach(g -> result.put(g.id(), g));
		return result;
	}

	private boolean remindedAt(CycleId cycle) {
		return jdbc.sql("SELECT reminded_at IS NOT NULL FROM learning_cycles WHERE id = ?")
			.param(cycle.value())
			.query(Boolean.class)
			.single();
	}
}
