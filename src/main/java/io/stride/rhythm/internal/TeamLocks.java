package io.stride.rhythm.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock per team and rule, held until the caller's transaction ends: a rule checked in Java over several rows (a
 * team's budget periods or learning periods never overlap) holds when two requests come at once, because the second
 * waits for the first to commit and then reads its row. A row lock rather than PostgreSQL's advisory locks, so that
 * H2 (the embedded dev mode) keeps the rule too.
 */
@Repository
public class TeamLocks {

	/** The rules a team's lock guards; each its own row, so that one does not wait for the other. */
	public enum Rule {
		BUDGET_PERIODS, LEARNING_PERIODS
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	public TeamLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Locks the team's row for the rule until the current transaction ends, creating the row the first time. */
	public void lock(String teamId, Rule rule) {
		if (lockExisting(teamId, rule)) {
			return;
		}
		try {
			// committed at once in a transaction of its own: a second request creating it meanwhile fails here, and
			// both then lock the one row
			own.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO rhythm_team_locks (team_id, rule) SELECT ?, ? WHERE NOT EXISTS "
						+ "(SELECT 1 FROM rhythm_team_locks WHERE team_id = ? AND rule = ?)")
				.params(teamId, rule.name(), teamId, rule.name())
				.update());
		}
		catch (DuplicateKeyException createdMeanwhile) {
			// the other request's row serves
		}
		if (!lockExisting(teamId, rule)) {
			throw new IllegalStateException("The team's lock row is missing after it was created");
		}
	}

	private boolean lockExisting(String teamId, Rule rule) {
		return !jdbc.sql("SELECT team_id FROM rhythm_team_locks WHERE team_id = ? AND rule = ? FOR UPDATE")
			.params(teamId, rule.name())
			.query(String.class)
			.list()
			.isEmpty();
	}
}
