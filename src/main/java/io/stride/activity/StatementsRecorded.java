package io.stride.activity;

import java.util.List;

/**
 * Statements stored together by {@link LearningRecord#recordAll} (published inside the recording transaction, once
 * per batch): each is as a {@link StatementRecorded} would tell of it, and no {@link StatementRecorded} is published
 * for them.
 */
public record StatementsRecorded(List<StatementRecorded> statements) {

	public StatementsRecorded {
		statements = List.copyOf(statements);
	}
}
