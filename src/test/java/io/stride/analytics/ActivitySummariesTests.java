package io.stride.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.attention.NeedsAttention;
import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.analytics.internal.ActivitySummaries;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures over all time come from the summaries, those of a period from the statements: both must agree, and
 * the summaries must include statements recorded a moment before they are read (ADR 0014).
 */
@SpringBootTest
class ActivitySummariesTests {

	@Autowired
	CourseAnalytics analytics;

	@Autowired
	NeedsAttention needsAttention;

	@Autowired
	CourseAnalyticsFixtures story;

	@Autowired
	ActivitySummaries summaries;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.zaxxer.hikari.HikariDataSource pool;

	@Autowired
	PlatformTransactionManager transactions;

	History h;

	@BeforeEach
	void history() {
		h = story.history("Summaries");
	}

	@Test
	void allTimeFiguresFromTheSummariesEqualThoseCountedFromTheStatements() {
		for (String team : new String[] { null, h.org().teamA().value(), h.org().teamB().value() }) {
			CourseAnalyticsReport summed = report(team, null, null);
			// a period wider than the history is read from the statements
			CourseAnalyticsReport counted = report(team, "2020-01-01", "2030-12-31");
			assertThat(summed.opened()).as("opened, team %s", team).isEqualTo(counted.opened());
			assertThat(summed.started()).as("started, team %s", team).isEqualTo(counted.started());
			assertThat(summed.completed()).as("completed, team %s", team).isEqualTo(counted.completed());
			assertThat(summed.medianMinutes()).as("median, team %s", team).isEqualTo(counted.medianMinutes());
			assertThat(summed.attemptsStarted()).isEqualTo(counted.attemptsStarted());
			assertThat(summed.attempts()).isEqualTo(counted.attempts());
			assertThat(summed.passedAttempts()).isEqualTo(counted.passedAttempts());
			assertThat(summed.learnersPassed()).isEqualTo(counted.learnersPassed());
			assertThat(summed.funnel()).isEqualTo(counted.funnel());
		}
		// team B: P3 (opened, L1, L2), P5 (completed in 60 minutes), P6 (opened only)
		CourseAnalyticsReport teamB = report(h.org().teamB().value(), null, null);
		assertThat(teamB.opened()).isEqualTo(3);
		assertThat(teamB.started()).isEqualTo(2);
		assertThat(teamB.completed()).isEqualTo(1);
		assertThat(teamB.medianMinutes()).isEqualTo(60.0);
	}

	@Test
	void aStatementRecordedJustBeforeCountsAtTheNextRead() {
		CourseAnalyticsReport before = report(null, null, null);
		String c = h.course().id().value();
		// P6 had only opened; now reads the first lesson and P3 completes (without the quiz, as an import might)
		story.read(h.p6(), c, h.lesson(1), "2026-03-12T09:00:00Z");
		story.add(h.p3(), Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-03-12T10:00:00Z", true);

		CourseAnalyticsReport after = report(null, null, null);
		assertThat(after.opened()).isEqualTo(before.opened());
		assertThat(after.started()).isEqualTo(before.started() + 1);
		assertThat(after.completed()).isEqualTo(before.completed() + 1);
		assertThat(after.funnel().get(0).reached()).isEqualTo(before.funnel().get(0).reached() + 1);
		// P3 opened 2026-03-04 08:00 and completed 2026-03-12 10:00: 11,640 minutes; with 40, 60 and 90 the middle
		// two are 60 and 90, so the median is 75
		assertThat(after.medianMinutes()).isEqualTo(75.0);
		assertThat(queued()).isZero();
	}

	@Test
	void foldsRunningAtOnceCountEveryStatementOnce() throws Exception {
		String c = h.course().id().value();
		List<PersonId> crowd = new ArrayList<>();
		var admin = fixtures.admin();
		for (int i = 0; i < 12; i++) {
			crowd.add(fixtures.person(admin, "Crowd " + i, "crowd-" + i, h.org().suffix(),
					java.util.Set.of(h.org().teamA()), java.util.Set.of()));
		}
		// 12 learners × (open, 3 lessons, 2 answers) = 72 statements, folded by four threads at once
		for (PersonId p : crowd) {
			story.opened(p, c, "2026-04-01T09:00:00Z");
			for (int lesson = 1; lesson <= 3; lesson++) {
				story.read(p, c, h.lesson(lesson), "2026-04-01T09:0" + lesson + ":00Z");
			}
			story.answered(p.value(), c, h.question(1), true, "2026-04-01T09:10:00Z");
			story.answered(p.value(), c, h.question(2), false, "2026-04-01T09:11:00Z");
		}
		int queuedBefore = queued();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> folds = List.of(summaries::catchUp, summaries::catchUp, summaries::catchUp,
					summaries::catchUp);
			int folded = 0;
			for (Future<Integer> f : pool.invokeAll(folds)) {
				folded += f.get();
			}
			// no statement is folded twice; a fold elsewhere (a report read in the background of a full run) may have
			// taken some of them, so the four may fold fewer: none is left and each is counted once (below)
			assertThat(folded).isLessThanOrEqualTo(queuedBefore);
		}
		finally {
			pool.shutdown();
		}
		assertThat(queued()).isZero();
		CourseAnalyticsReport summed = report(null, null, null);
		CourseAnalyticsReport counted = report(null, "2020-01-01", "2030-12-31");
		// 6 learners of the history and the 12
		assertThat(summed.opened()).isEqualTo(18).isEqualTo(counted.opened());
		assertThat(summed.funnel()).isEqualTo(counted.funnel());
		assertThat(summed.funnel().get(2).reached()).isEqualTo(3 + 12);
		// question 1: 12 answers, all right; question 2: 12 answers, none right
		Integer answersQ1 = jdbc.sql("SELECT statements FROM activity_totals WHERE course_id = ? AND measure = ? "
				+ "AND object_id LIKE ?").params(c, Verb.ANSWERED.iri(), "%/" + h.question(1)).query(Integer.class).single();
		Integer rightQ2 = jdbc.sql("SELECT successes FROM activity_totals WHERE course_id = ? AND measure = ? "
				+ "AND object_id LIKE ?").params(c, Verb.ANSWERED.iri(), "%/" + h.question(2)).query(Integer.class).single();
		assertThat(answersQ1).isEqualTo(12);
		assertThat(rightQ2).isZero();
		// the organization's list reads the same totals: question 2 is right 0 of 12 times
		assertThat(needsAttention.forCourse(fixtures.viewer(h.author()), h.course().id()).missedQuestions().items())
			.anySatisfy(q -> {
				assertThat(q.questionId()).isEqualTo(h.question(2));
				assertThat(q.answers()).isEqualTo(12);
				assertThat(q.right()).isZero();
			});
	}

	@Test
	void asManyReadersAsTheApplicationHasConnectionsFoldWithoutWaitingForEachOther() throws Exception {
		// every reader opens its read-only transaction and holds its connection before any of them folds: a fold that
		// needed another of the application's connections would wait for one nobody gives back
		int readers = pool.getMaximumPoolSize();
		String c = h.course().id().value();
		story.read(h.p6(), c, h.lesson(1), "2026-03-12T09:00:00Z");
		assertThat(queued()).isPositive();
		int startedBefore = report(null, null, null).started();
		story.read(h.p6(), c, h.lesson(2), "2026-03-12T09:05:00Z");
		story.opened(h.p1(), c, "2026-03-12T09:06:00Z");
		assertThat(queued()).isPositive();
		java.util.concurrent.CyclicBarrier allHoldAConnection = new java.util.concurrent.CyclicBarrier(readers);
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		ExecutorService threads = Executors.newFixedThreadPool(readers);
		try {
			List<Callable<Integer>> reads = new ArrayList<>();
			for (int i = 0; i < readers; i++) {
				reads.add(() -> readOnly.execute(status -> {
					jdbc.sql("SELECT COUNT(*) FROM activity_totals").query(Integer.class).single();
					await(allHoldAConnection);
					return analytics.report(fixtures.viewer(h.author()), h.course().id(), CourseAnalyticsFilter.EVERYTHING)
						.funnel()
						.get(1)
						.reached();
				}));
			}
			long started = System.nanoTime();
			List<Future<Integer>> answers = threads.invokeAll(reads, 60, java.util.concurrent.TimeUnit.SECONDS);
			long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
			int lessonTwoBefore = 4;
			for (Future<Integer> answer : answers) {
				// P6 reached lesson 2: every reader counts it, none failed or waited for a connection
				assertThat(answer.get()).isEqualTo(lessonTwoBefore + 1);
			}
			assertThat(seconds).as("seconds the readers took").isLessThan(10);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(queued()).isZero();
		assertThat(report(null, null, null).started()).isEqualTo(startedBefore);
	}

	private static void await(java.util.concurrent.CyclicBarrier barrier) {
		try {
			barrier.await(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private int queued() {
		return jdbc.sql("SELECT COUNT(*) FROM statements_to_summarize").query(Integer.class).single();
	}

	private CourseAnalyticsReport report(String team, String from, String to) {
		return analytics.report(fixtures.viewer(h.author()), h.course().id(), CourseAnalyticsFilter.parse(team, from, to));
	}
}
