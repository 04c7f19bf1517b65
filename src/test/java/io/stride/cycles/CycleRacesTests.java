package io.stride.cycles;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.stride.cycles.CycleClosing.Closing;
import io.stride.cycles.CycleClosing.GoalReflection;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Double submits: two requests doing the same at the same moment. The first runs in a transaction the test holds open
 * until the second has had its chance, which is the moment a check-then-write goes wrong.
 */
@SpringBootTest
@Import({ MovableClock.Config.class, CycleRacesTests.Closings.class })
class CycleRacesTests {

	/** Every {@link CycleClosed} published, whichever thread published it. */
	@TestConfiguration
	static class Closings {

		final List<CycleClosed> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void on(CycleClosed e) {
			seen.add(e);
		}
	}

	@Autowired
	LearningCycles cycles;

	@Autowired
	CycleClosing closing;

	@Autowired
	CheckIns checkIns;

	@Autowired
	Closings closings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	javax.sql.DataSource dataSource;

	Org org;

	Viewer ana;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
	}

	/** What each of the two requests came to: its result, or the exception it threw. */
	record Outcome(Object first, Object second) {

		long succeeded() {
			return List.of(first, second).stream().filter(o -> !(o instanceof Throwable)).count();
		}

		List<Throwable> failures() {
			return List.of(first, second).stream().filter(Throwable.class::isInstance).map(Throwable.class::cast).toList();
		}
	}

	/**
	 * Runs {@code work} twice at once: the first in a transaction held open until the second finished or waited a
	 * second (blocked on the first's locks), then committed.
	 */
	Outcome twice(Supplier<Object> work) throws Exception {
		// two threads of their own: the common pool may have one thread only on a small machine
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			return twice(work, threads);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Outcome twice(Supplier<Object> work, ExecutorService threads) throws Exception {
		CountDownLatch firstDone = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
			try {
				return new TransactionTemplate(transactions).execute(status -> {
					Object result = work.get();
					firstDone.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return result;
				});
			}
			catch (RuntimeException e) {
				firstDone.countDown();
				return e;
			}
		}, threads);
		assertThat(firstDone.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> {
			try {
				return work.get();
			}
			catch (RuntimeException e) {
				return e;
			}
		}, threads);
		try {
			second.get(1, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			// waiting for the first's locks, as it should
		}
		release.countDown();
		return new Outcome(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
	}

	@Test
	void twoClosesOfTheSameCycleAtOnceCloseItOnceAndTheOtherIs409() throws Exception {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank("Workshops"));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
		Closing close = new Closing(List.of(new GoalReflection(goal.id(), GoalOutcome.PARTLY, "Ran one", "Run two")),
				List.of(), null, null);

		Outcome outcome = twice(() -> closing.close(ana, cycle.id(), close));

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.failures()).singleElement().isInstanceOfSatisfying(ConflictException.class,
				e -> assertThat(e.getMessage()).contains("closed already"));
		assertThat(closings.seen.stream().filter(e -> e.cycleId().equals(cycle.id()))).hasSize(1);
		assertThat(cycles.cycle(ana, cycle.id()).status()).isEqualTo(CycleStatus.CLOSED);
	}

	@Test
	void twoClosesCarryingGoalsOverAtOnceStartOneNextCycle() throws Exception {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank("Workshops"));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
		Closing close = new Closing(List.of(new GoalReflection(goal.id(), GoalOutcome.NOT_LEARNED, null, null)),
				List.of(goal.id()), null, null);

		Outcome outcome = twice(() -> closing.close(ana, cycle.id(), close));

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.failures()).singleElement().isInstanceOf(ConflictException.class);
		assertThat(activeCyclesOf(ana)).isEqualTo(1);
		assertThat(cycles.mine(ana)).hasSize(2);
	}

	@Test
	void twoStartsAtOnceStartOneCycleAndTheOtherIs409() throws Exception {
		// PostgreSQL's partial unique index keeps one active cycle a person; H2 (for trying Stride out) has none
		try (var connection = dataSource.getConnection()) {
			Assumptions.assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:postgresql:"),
					"one active cycle a person is enforced by PostgreSQL");
		}
		Outcome outcome = twice(() -> cycles.start(ana, NewCycle.blank("My next cycle")));

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.failures()).singleElement().isInstanceOfSatisfying(ConflictException.class,
				e -> assertThat(e.getMessage()).contains("already have an active cycle"));
		assertThat(activeCyclesOf(ana)).isEqualTo(1);
	}

	@Test
	void aCheckInSubmittedTwiceIsSavedOnceAndItsMinutesCountedOnce() throws Exception {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank("Workshops"));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
		List<CheckIns.GoalCheckIn> entries = List.of(new CheckIns.GoalCheckIn(goal.id(), "Prepared the agenda", 20, 45));

		Outcome outcome = twice(() -> checkIns.checkIn(ana, cycle.id(), entries));
		checkIns.checkIn(ana, cycle.id(), entries);

		assertThat(outcome.succeeded()).isEqualTo(2);
		assertThat(checkIns.ofGoal(ana, goal.id())).singleElement()
			.satisfies(c -> assertThat(c.note()).isEqualTo("Prepared the agenda"));
		assertThat(cycles.goal(ana, goal.id()).goal().minutesLogged()).isEqualTo(45);
		// the same words a while later are a new check-in
		clock.advance(java.time.Duration.ofMinutes(2));
		checkIns.checkIn(ana, cycle.id(), entries);
		assertThat(checkIns.ofGoal(ana, goal.id())).hasSize(2);
		assertThat(cycles.goal(ana, goal.id()).goal().minutesLogged()).isEqualTo(90);
	}

	@Test
	void twoGoalsAddedAtOnceToANineGoalContractLeaveTenGoalsInDistinctPlaces() throws Exception {
		LearningCycle cycle = cycles.start(ana, NewCycle.blank("Many goals"));
		for (int i = 1; i <= LearningCycles.MAX_GOALS - 1; i++) {
			cycles.addGoal(ana, cycle.id(), GoalDraft.of("Goal " + i));
		}

		Outcome outcome = twice(() -> cycles.addGoal(ana, cycle.id(), GoalDraft.of("One more")));

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.failures()).singleElement().isInstanceOf(io.stride.shared.InvalidInputException.class);
		assertThat(cycles.cycle(ana, cycle.id()).goals()).hasSize(LearningCycles.MAX_GOALS)
			.extracting(Goal::position)
			.doesNotHaveDuplicates();
	}

	private long activeCyclesOf(Viewer person) {
		return jdbc.sql("SELECT COUNT(*) FROM learning_cycles WHERE person_id = ? AND status = 'ACTIVE'")
			.param(person.id().value())
			.query(Long.class)
			.single();
	}
}
