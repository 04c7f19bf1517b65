package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's budget periods and learning periods never overlap, also when two requests come at once: the second
 * request's check runs once the first one's period is committed, and refuses the overlap at the field.
 */
@SpringBootTest
class TeamPeriodsUnderConcurrencyTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Budgets budgets;

	@Autowired
	LearningHours hours;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	Org org;

	LocalDate start;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		start = LocalDate.now(ZoneOffset.UTC).plusYears(1).withDayOfMonth(1);
	}

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void twoOverlappingBudgetsGivenAtOnceCannotBothBeSaved() throws Exception {
		Viewer admin = fixtures.admin();
		Object second = whileFirstIsUncommitted(
				() -> budgets.give(admin, org.teamA(), start, start.plusMonths(1).minusDays(1), new BigDecimal("1000"), "EUR"),
				() -> budgets.give(admin, org.teamA(), start.plusDays(10), start.plusMonths(2), new BigDecimal("500"), "EUR"));
		assertThat(second).isInstanceOf(InvalidInputException.class);
		assertThat(((InvalidInputException) second).fieldErrors()).containsKey("startsOn");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM budgets WHERE team_id = ?").param(org.teamA().value())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void twoOverlappingLearningPeriodsAddedAtOnceCannotBothBeSaved() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Object second = whileFirstIsUncommitted(
				() -> hours.createPeriod(manager, org.teamA(),
						new LearningHours.PeriodDraft("Sprint 1", start.toString(), start.plusDays(13).toString())),
				() -> hours.createPeriod(manager, org.teamA(),
						new LearningHours.PeriodDraft("Sprint 1 again", start.plusDays(7).toString(), start.plusDays(20).toString())));
		assertThat(second).isInstanceOf(InvalidInputException.class);
		assertThat(((InvalidInputException) second).fieldErrors()).containsKey("startsOn");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM learning_periods WHERE team_id = ?").param(org.teamA().value())
			.query(Integer.class).single()).isEqualTo(1);
	}

	/**
	 * Runs {@code first} in a transaction that stays open while {@code second} runs in another thread (up to two
	 * half a second, or until it ends: well within H2's two-second lock timeout), then commits it; returns what the second gave or threw.
	 */
	private Object whileFirstIsUncommitted(Supplier<?> first, Supplier<?> second) throws Exception {
		CountDownLatch firstDone = new CountDownLatch(1);
		CompletableFuture<Object> secondResult = new CompletableFuture<>();
		CompletableFuture<Void> firstTransaction = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> {
				first.get();
				firstDone.countDown();
				try {
					// the second request runs now; with the rule held it waits for this commit
					secondResult.get(500, TimeUnit.MILLISECONDS);
				}
				catch (Exception stillWaiting) {
					// expected when the second waits for this transaction
				}
			}), threads);
		assertThat(firstDone.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture.runAsync(() -> {
			try {
				secondResult.complete(second.get());
			}
			catch (RuntimeException e) {
				secondResult.complete(e);
			}
		}, threads);
		firstTransaction.get(30, TimeUnit.SECONDS);
		return secondResult.get(30, TimeUnit.SECONDS);
	}
}
