package io.stride.activity;

import java.time.Instant;

/**
 * One recorded statement, as later modules read it back.
 */
public record Statement(String id, String actorId, String verbIri, String objectId, String courseId, Double score,
		Boolean success, Instant timestamp, String json) {
}
