package io.stride.activity;

import java.time.Instant;

/**
 * A statement was stored in the learning record (published inside the recording transaction). {@code score} is the
 * scaled score (0 to 1) or null; {@code success} null when the statement has none.
 */
public record StatementRecorded(String statementId, String actorId, String verbIri, String objectId,
		String courseId, Double score, Boolean success, Instant timestamp) {
}
