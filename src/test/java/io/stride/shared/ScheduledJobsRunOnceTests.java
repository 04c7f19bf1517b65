package io.stride.shared;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.stride.analytics.internal.ActivitySummaries;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several nodes on one database run each scheduled job one at a time (ADR 0039). Two threads calling a job through
 * its Spring proxy stand for two nodes: the lock is a row in the database, taken and compared in the database's time,
 * so threads of one node contend for it exactly as nodes do.
 */
@SpringBootTest
class ScheduledJobsRunOnceTests {

	private static final String ONCE = "test-run-once";

	private static final String HELD_AFTER = "test-held-after-its-run";

	@Autowired
	CountingJob job;

	@Autowired
	HeldJob heldJob;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivitySummaries summaries;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeEach
	void freshLocks() {
		// freed, not deleted: a node that created a job's row only updates it from then on, as ShedLock does
		jdbc.sql("UPDATE shedlock SET lock_until = ? WHERE name IN (?, ?)")
			.params(Timestamp.valueOf("2000-01-01 00:00:00"), ONCE, HELD_AFTER)
			.update();
		job.reset();
		heldJob.reset();
	}

	@AfterEach
	void stopThreads() {
		job.finish();
		threads.shutdownNow();
	}

	@Test
	void aJobCalledOnTwoNodesAtOnceRunsOnceWhileHeldAndAgainAfter() throws Exception {
		CyclicBarrier sameInstant = new CyclicBarrier(2);
		List<Future<?>> calls = new ArrayList<>();
		for (int node = 0; node < 2; node++) {
			calls.add(threads.submit(() -> {
				sameInstant.await(10, TimeUnit.SECONDS);
				job.run();
				return null;
			}));
		}
		assertThat(job.started()).as("one of the two runs started").isTrue();
		// the other call finds the job held and returns at once, while the first is still running
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.stream().filter(Future::isDone).count() == 1);
		assertThat(job.runs()).isEqualTo(1);
		// the row names the node that holds it: its host and process
		assertThat(lockedBy(ONCE)).hasValueSatisfying(
				node -> assertThat(node).endsWith("/" + ProcessHandle.current().pid()));

		job.finish();
		for (Future<?> call : calls) {
			call.get(10, TimeUnit.SECONDS);
		}
		assertThat(job.runs()).isEqualTo(1);

		// released when it ended (no lockAtLeastFor): the next call runs
		job.run();
		assertThat(job.runs()).isEqualTo(2);
	}

	@Test
	void aJobHeldPastItsEndIsNotRunAgainByANodeWhoseClockIsLate() {
		heldJob.run();
		// a second node's cron fires the same job a moment later (its clock is behind): the run is over, but it is
		// held for lockAtLeastFor, so the second node skips it
		heldJob.run();
		assertThat(heldJob.runs()).isEqualTo(1);
	}

	@Test
	void aJobHeldByANodeThatDiedRunsElsewhereOnceItsLockRunsOut() {
		// another node takes the job for two seconds and dies: it never unlocks
		Optional<SimpleLock> taken = otherNode().lock(new LockConfiguration(Instant.now(), ONCE, Duration.ofSeconds(2),
				Duration.ZERO));
		assertThat(taken).isPresent();
		job.finish();

		job.run();
		assertThat(job.runs()).as("runs while the dead node's lock lasts").isZero();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
			job.run();
			return job.runs() == 1;
		});
	}

	@Test
	void theAnalyticsFoldWaitsWhileAnotherNodeHoldsIt() throws Exception {
		Method fold = ActivitySummaries.class.getDeclaredMethod("scheduled");
		assertThat(fold.getAnnotation(SchedulerLock.class)).isNotNull();
		fold.setAccessible(true);
		String queued = UUID.randomUUID().toString();
		// a queued statement id with no statement: a fold takes it off the queue and counts nothing
		jdbc.sql("INSERT INTO statements_to_summarize (statement_id) VALUES (?)").param(queued).update();

		// the other node waits for this node's own scheduled fold, if one holds the job now
		SimpleLock otherNodeHolds = await().atMost(Duration.ofSeconds(30)).until(
				() -> otherNode().lock(new LockConfiguration(Instant.now(), "analytics-summaries-fold",
						Duration.ofMinutes(5), Duration.ZERO)).orElse(null),
				lock -> lock != null);
		try {
			// the scheduler calls the bean's method through the proxy, as here
			fold.invoke(summaries);
			assertThat(isQueued(queued)).as("folded while another node held the fold").isTrue();
		}
		finally {
			otherNodeHolds.unlock();
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			fold.invoke(summaries);
			return !isQueued(queued);
		});
	}

	/**
	 * Every scheduled method either takes the cluster-wide lock or says why every node runs it; a job added without
	 * either fails here. The lock must be one the proxy can take: a method it can override, a name of its own, times
	 * that parse, and a bean that is proxied.
	 */
	@Test
	void everyScheduledJobIsLockedOrRunsOnEveryNodeOnPurpose() {
		Set<Method> scheduled = new LinkedHashSet<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("io.stride")) {
			for (JavaMethod method : type.getMethods()) {
				if (method.isAnnotatedWith(Scheduled.class) || method.isAnnotatedWith(Schedules.class)) {
					scheduled.add(method.reflect());
				}
			}
		}
		// the jobs as of issue 20 (webhooks, LRS forwarding, folds, reminders, releases, housekeeping, ...)
		assertThat(scheduled).hasSizeGreaterThanOrEqualTo(16);
		List<String> problems = new ArrayList<>();
		Map<String, Method> names = new HashMap<>();
		for (Method method : scheduled) {
			String where = method.getDeclaringClass().getName() + "." + method.getName();
			SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
			RunsOnEveryNode everyNode = method.getAnnotation(RunsOnEveryNode.class);
			if ((lock == null) == (everyNode == null)) {
				problems.add(where + ": needs either @SchedulerLock or @RunsOnEveryNode (one, not both)");
				continue;
			}
			if (everyNode != null) {
				if (everyNode.value().isBlank()) {
					problems.add(where + ": @RunsOnEveryNode must say why");
				}
				continue;
			}
			int modifiers = method.getModifiers();
			if (Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers) || Modifier.isStatic(modifiers)
					|| Modifier.isFinal(method.getDeclaringClass().getModifiers())) {
				problems.add(where + ": the lock's proxy cannot run a private, final or static method");
			}
			if (lock.name().isBlank() || names.put(lock.name(), method) != null) {
				problems.add(where + ": lock name '" + lock.name() + "' is blank or taken by another job");
			}
			try {
				Duration most = Duration.parse(lock.lockAtMostFor());
				Duration least = lock.lockAtLeastFor().isEmpty() ? Duration.ZERO : Duration.parse(lock.lockAtLeastFor());
				if (most.compareTo(least) < 0 || most.isZero()) {
					problems.add(where + ": lockAtMostFor must be set and at least lockAtLeastFor");
				}
			}
			catch (java.time.format.DateTimeParseException e) {
				problems.add(where + ": lock durations must be ISO-8601 (PT10M): " + e.getMessage());
			}
			Map<String, ?> beans = context.getBeansOfType(method.getDeclaringClass());
			if (beans.isEmpty() || !beans.values().stream().allMatch(AopUtils::isAopProxy)) {
				problems.add(where + ": no proxied bean of this class, so nothing takes the lock");
			}
		}
		assertThat(problems).isEmpty();
	}

	private LockProvider otherNode() {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.withLockedByValue("other-node")
			.build());
	}

	private Optional<String> lockedBy(String name) {
		return jdbc.sql("SELECT locked_by FROM shedlock WHERE name = ?").param(name).query(String.class).optional();
	}

	private boolean isQueued(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM statements_to_summarize WHERE statement_id = ?")
			.param(id)
			.query(Integer.class)
			.single() == 1;
	}

	/**
	 * A job whose runs can be counted and held open. Tests reach its state through methods: the bean is the lock's
	 * proxy, whose own fields are empty.
	 */
	static class CountingJob {

		private final AtomicInteger runs = new AtomicInteger();

		private volatile CountDownLatch started;

		private volatile CountDownLatch finish;

		@SchedulerLock(name = ONCE, lockAtMostFor = "PT1M")
		public void run() {
			runs.incrementAndGet();
			started.countDown();
			try {
				finish.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		public void reset() {
			runs.set(0);
			started = new CountDownLatch(1);
			finish = new CountDownLatch(1);
		}

		public int runs() {
			return runs.get();
		}

		public boolean started() throws InterruptedException {
			return started.await(10, TimeUnit.SECONDS);
		}

		/** Lets the run in progress end, and the next ones end at once. */
		public void finish() {
			finish.countDown();
		}
	}

	/** A job held ten minutes after its run ends, like the daily jobs. */
	static class HeldJob {

		private final AtomicInteger runs = new AtomicInteger();

		@SchedulerLock(name = HELD_AFTER, lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
		public void run() {
			runs.incrementAndGet();
		}

		public void reset() {
			runs.set(0);
		}

		public int runs() {
			return runs.get();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		CountingJob countingJob() {
			return new CountingJob();
		}

		@Bean
		HeldJob heldJob() {
			return new HeldJob();
		}
	}
}
