package io.stride.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue of course statements not yet folded into analytics' summaries ({@code statements_to_summarize}): the
 * learning record queues each course statement in the transaction that stores it, and analytics takes the queue in
 * batches, then marks them done (ADR 0014). Activity owns the table; analytics never reads or writes it directly.
 * <p>
 * Taking a batch and marking it done run on the connection the caller passes, so that they share the caller's
 * transaction: analytics folds on connections of its own under a lock, and a batch must leave the queue in the
 * transaction that counted it, so that no statement is counted twice.
 */
@Repository
public class StatementsToSummarize {

	/** Ids per DELETE when a batch is marked done. */
	private static final int DONE_CHUNK = 500;

	private final JdbcClient jdbc;

	StatementsToSummarize(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One queued statement as the summaries need it; all but the id are null when the statement is gone or is not
	 * part of a course (nothing to summarize, but it leaves the queue with its batch).
	 */
	public record Queued(String statementId, String courseId, String verb, String objectId, String actorId,
			Boolean success, Instant occurredAt) {
	}

	/** Queues one statement, in the caller's transaction. */
	void add(String statementId) {
		jdbc.sql("INSERT INTO statements_to_summarize (statement_id) VALUES (?)").param(statementId).update();
	}

	/** Queues these statements with one multi-row insert, in the caller's transaction. */
	void addAll(List<String> statementIds) {
		if (statementIds.isEmpty()) {
			return;
		}
		jdbc.sql("INSERT INTO statements_to_summarize (statement_id) VALUES "
				+ String.join(", ", Collections.nCopies(statementIds.size(), "(?)")))
			.params(new ArrayList<Object>(statementIds))
			.update();
	}

	/** Whether anything is queued, on the application's connections (in the caller's transaction, if any). */
	public boolean any() {
		return jdbc.sql("SELECT statement_id FROM statements_to_summarize FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.optional()
			.isPresent();
	}

	/**
	 * The next {@code max} queued statements in id order, with what they say, read on {@code connection} (in its
	 * transaction). They stay queued until {@link #done} removes them.
	 */
	public List<Queued> next(JdbcClient connection, int max) {
		return connection
			.sql("SELECT q.statement_id, s.course_id, s.verb, s.object_id, s.actor_id, s.result_success, s.occurred_at "
					+ "FROM statements_to_summarize q LEFT JOIN statements s ON s.id = q.statement_id "
					+ "ORDER BY q.statement_id FETCH FIRST " + max + " ROWS ONLY")
			.query((rs, row) -> {
				String course = rs.getString(2);
				if (course == null) {
					return new Queued(rs.getString(1), null, null, null, null, null, null);
				}
				return new Queued(rs.getString(1), course, rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, Boolean.class), rs.getTimestamp(7).toInstant());
			})
			.list();
	}

	/** Removes these statements from the queue, on {@code connection} (in its transaction). */
	public void done(JdbcClient connection, List<String> statementIds) {
		for (int from = 0; from < statementIds.size(); from += DONE_CHUNK) {
			connection.sql("DELETE FROM statements_to_summarize WHERE statement_id IN (:ids)")
				.param("ids", statementIds.subList(from, Math.min(statementIds.size(), from + DONE_CHUNK)))
				.update();
		}
	}
}
