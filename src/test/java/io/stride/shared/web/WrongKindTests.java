package io.stride.shared.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class WrongKindTests {

	@Test
	void aValueThePostgresRefusesIsTheCallersInputNotAClash() {
		// what PostgreSQL answers to NUL in a text column, and to a duplicate key
		var nul = new DataIntegrityViolationException("insert failed",
				new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
		var duplicate = new DataIntegrityViolationException("insert failed",
				new SQLException("duplicate key value violates unique constraint", "23505"));
		assertThat(WrongKind.refusedByTheDatabase(nul)).isTrue();
		assertThat(WrongKind.refusedByTheDatabase(duplicate)).isFalse();
	}
}
