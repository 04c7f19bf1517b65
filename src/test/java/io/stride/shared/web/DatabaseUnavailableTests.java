package io.stride.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean the database could not be reached (answered 503 with Retry-After) and which are ours (500). */
class DatabaseUnavailableTests {

	@Test
	void aConnectionThatCouldNotBeHadOrBrokeIsTheDatabaseBeingAway() {
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating connection due to "
				+ "administrator command", "57P01")))).isTrue();
		// PostgreSQL closed the connection under a running transaction: the pool refuses the rollback
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
		rollback.initCause(new SQLException("Connection is closed"));
		assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
	}

	@Test
	void ourOwnErrorsAreNot() {
		assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax error", "42601")))).isFalse();
	}
}
