package io.stride.analytics.internal;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stride.activity.StatementsToSummarize;
import io.stride.activity.StatementsToSummarize.Queued;
import io.stride.activity.Verb;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the summaries of the learning record ({@code activity_learners}, {@code activity_totals}) up to date: the
 * learning record queues each course statement it stores ({@link StatementsToSummarize}, activity's), and this folds
 * the queue into the summaries. Every figure read from the summaries calls {@link #catchUp()} first, so the figures
 * include every statement committed before the request; a scheduled fold keeps the queue short between requests.
 * Folding holds a lock on one row, and takes a batch from the queue and marks it done in the transaction that holds
 * it, so two folds (two requests, or two instances of Stride) never count a statement twice. See ADR 0014.
 * <p>
 * Folds run on connections of their own (a pool of {@value #FOLDING_CONNECTIONS}), not the application's: readers
 * call {@link #catchUp()} inside their own transactions, each holding one of the application's connections, and a
 * fold that needed a second one from the same pool left every reader waiting for the others once as many read at once
 * as the pool holds. A fold at read time is best effort: if it fails, or waits too long for a folding connection,
 * the read goes on with the summaries as they are and the next fold catches up.
 */
@Component
public class ActivitySummaries implements DisposableBean {

	/** The measure of learners who started a course: read a lesson or started the quiz. */
	public static final String STARTED = "started";

	/** The activity of course-wide measures that have no activity of their own. */
	public static final String COURSE = "course";

	/** The verbs that start a course: reading a lesson or starting the quiz. */
	public static final List<String> START_VERBS = List.of(Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri());

	private static final int BATCH = 2000;

	static final int FOLDING_CONNECTIONS = 2;

	/** How long a read waits for a folding connection before going on without folding. */
	private static final long FOLDING_WAIT_MS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(ActivitySummaries.class);

	/** The queue, activity's: asked whether anything is queued on the application's connections, taken on ours. */
	private final StatementsToSummarize queue;

	/** The folding connections. */
	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate ownTransaction;

	private final HikariDataSource foldingPool;

	ActivitySummaries(DataSource dataSource, StatementsToSummarize queue) {
		this.queue = queue;
		this.foldingPool = foldingPool(dataSource);
		DataSource folding = foldingPool != null ? foldingPool : dataSource;
		this.jdbc = JdbcClient.create(folding);
		this.template = new JdbcTemplate(folding);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(folding));
	}

	/**
	 * A small pool with the application pool's settings (URL, credentials, initialization), or null when the data
	 * source is not a Hikari pool, and folds then share the application's connections.
	 */
	private static HikariDataSource foldingPool(DataSource dataSource) {
		try {
			if (!dataSource.isWrapperFor(HikariDataSource.class)) {
				return null;
			}
			HikariDataSource application = dataSource.unwrap(HikariDataSource.class);
			HikariConfig config = new HikariConfig();
			application.copyStateTo(config);
			config.setPoolName((application.getPoolName() == null ? "stride" : application.getPoolName()) + "-summaries");
			config.setMaximumPoolSize(FOLDING_CONNECTIONS);
			config.setMinimumIdle(0);
			config.setConnectionTimeout(FOLDING_WAIT_MS);
			config.setRegisterMbeans(false);
			config.setMetricRegistry(null);
			config.setMetricsTrackerFactory(null);
			config.setHealthCheckRegistry(null);
			config.setReadOnly(false);
			config.setAutoCommit(true);
			return new HikariDataSource(config);
		}
		catch (SQLException e) {
			return null;
		}
	}

	@Override
	public void destroy() {
		if (foldingPool != null) {
			foldingPool.close();
		}
	}

	/**
	 * Folds every queued statement into the summaries, in transactions of its own on the folding connections; returns
	 * how many it folded. Safe to call inside a transaction. Never fails: figures read after a fold that could not run
	 * leave out what is still queued, and the scheduled fold tries again.
	 */
	public int catchUp() {
		int total = 0;
		try {
			while (queue.any()) {
				Integer folded = ownTransaction.execute(status -> foldBatch());
				total += folded == null ? 0 : folded;
				if (folded == null || folded < BATCH) {
					break;
				}
			}
		}
		catch (RuntimeException e) {
			// nothing was half-done: each batch is one transaction
			log.warn("Could not fold statements into the analytics summaries; figures leave them out until the next "
					+ "fold: {}", e.getMessage());
		}
		return total;
	}

	/*
	 * One node at a time (ADR 0039). Folding is safe without it (the row lock in foldBatch), but a second node's fold
	 * would only wait on that row holding a folding connection and then find the queue empty. Reads fold for
	 * themselves, so while a dead node's lock runs out (lockAtMostFor) no figure goes stale, only the queue grows.
	 */
	@Scheduled(fixedDelayString = "${stride.analytics.summarize-every:PT15S}", initialDelayString = "PT20S")
	@SchedulerLock(name = "analytics-summaries-fold", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5S")
	void scheduled() {
		int folded = catchUp();
		if (folded > 0) {
			log.debug("Folded {} statements into the analytics summaries", folded);
		}
	}

	private record Key(String course, String measure, String object, String actor) {
	}

	private record Total(String course, String measure, String object) {
	}

	/** What a batch adds to one summary row. */
	private static final class Sum {

		int statements;

		int successes;

		int newLearners;

		Instant first;

		Instant last;

		void add(int statements, int successes, Instant first, Instant last) {
			this.statements += statements;
			this.successes += successes;
			this.first = this.first == null || first.isBefore(this.first) ? first : this.first;
			this.last = this.last == null || last.isAfter(this.last) ? last : this.last;
		}
	}

	private int foldBatch() {
		// the lock: a second fold waits here, then finds the statements gone from the queue
		jdbc.sql("SELECT id FROM activity_summary_state WHERE id = 'statements' FOR UPDATE").query(String.class).single();
		List<String> ids = new ArrayList<>();
		Map<Key, Sum> byLearner = new LinkedHashMap<>();
		for (Queued statement : queue.next(jdbc, BATCH)) {
			ids.add(statement.statementId());
			String course = statement.courseId();
			if (course == null) {
				continue; // gone, or not part of a course: nothing to summarize
			}
			String verb = statement.verb();
			String actor = statement.actorId();
			Instant at = statement.occurredAt();
			int success = Boolean.TRUE.equals(statement.success()) ? 1 : 0;
			byLearner.computeIfAbsent(new Key(course, verb, statement.objectId(), actor), k -> new Sum()).add(1, success, at, at);
			if (verb.equals(Verb.EXPERIENCED.iri()) || verb.equals(Verb.ATTEMPTED.iri())) {
				byLearner.computeIfAbsent(new Key(course, STARTED, COURSE, actor), k -> new Sum()).add(1, 0, at, at);
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
		List<Key> keys = new ArrayList<>(byLearner.keySet());
		int[] updated = template.batchUpdate("UPDATE activity_learners SET statements = statements + ?, "
				+ "successes = successes + ?, first_at = CASE WHEN first_at < ? THEN first_at ELSE ? END, "
				+ "last_at = CASE WHEN last_at > ? THEN last_at ELSE ? END "
				+ "WHERE course_id = ? AND measure = ? AND object_id = ? AND actor_id = ?", rows(keys, byLearner, true));
		List<Key> fresh = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			if (updated[i] == 0) {
				fresh.add(keys.get(i));
				byLearner.get(keys.get(i)).newLearners = 1;
			}
		}
		if (!fresh.isEmpty()) {
			template.batchUpdate("INSERT INTO activity_learners (statements, successes, first_at, last_at, course_id, "
					+ "measure, object_id, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows(fresh, byLearner, false));
		}
		Map<Total, Sum> totals = new HashMap<>();
		byLearner.forEach((key, sum) -> {
			Sum total = totals.computeIfAbsent(new Total(key.course(), key.measure(), key.object()), k -> new Sum());
			total.add(sum.statements, sum.successes, sum.first, sum.last);
			total.newLearners += sum.newLearners;
		});
		List<Total> totalKeys = new ArrayList<>(totals.keySet());
		List<Object[]> totalRows = new ArrayList<>();
		for (Total key : totalKeys) {
			Sum sum = totals.get(key);
			Timestamp first = Timestamp.from(sum.first);
			Timestamp last = Timestamp.from(sum.last);
			totalRows.add(new Object[] { sum.newLearners, sum.statements, sum.successes, first, first, last, last,
					key.course(), key.measure(), key.object() });
		}
		int[] totalUpdated = template.batchUpdate("UPDATE activity_totals SET learners = learners + ?, "
				+ "statements = statements + ?, successes = successes + ?, "
				+ "first_at = CASE WHEN first_at < ? THEN first_at ELSE ? END, "
				+ "last_at = CASE WHEN last_at > ? THEN last_at ELSE ? END "
				+ "WHERE course_id = ? AND measure = ? AND object_id = ?", totalRows);
		List<Object[]> newTotals = new ArrayList<>();
		for (int i = 0; i < totalKeys.size(); i++) {
			if (totalUpdated[i] == 0) {
				Total key = totalKeys.get(i);
				Sum sum = totals.get(key);
				newTotals.add(new Object[] { key.course(), key.measure(), key.object(), sum.newLearners, sum.statements,
						sum.successes, Timestamp.from(sum.first), Timestamp.from(sum.last) });
			}
		}
		if (!newTotals.isEmpty()) {
			template.batchUpdate("INSERT INTO activity_totals (course_id, measure, object_id, learners, statements, "
					+ "successes, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", newTotals);
		}
		queue.done(jdbc, ids);
		return ids.size();
	}

	private static List<Object[]> rows(List<Key> keys, Map<Key, Sum> sums, boolean update) {
		List<Object[]> rows = new ArrayList<>(keys.size());
		for (Key key : keys) {
			Sum sum = sums.get(key);
			Timestamp first = Timestamp.from(sum.first);
			Timestamp last = Timestamp.from(sum.last);
			rows.add(update
					? new Object[] { sum.statements, sum.successes, first, first, last, last, key.course(), key.measure(),
							key.object(), key.actor() }
					: new Object[] { sum.statements, sum.successes, first, last, key.course(), key.measure(), key.object(),
							key.actor() });
		}
		return rows;
	}
}
