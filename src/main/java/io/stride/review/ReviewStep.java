package io.stride.review;

import java.time.Instant;

import io.stride.authoring.ReviewPolicy;

/** One approval of a case, and who may give it. */
public record ReviewStep(int position, String name, String status, String decidedBy, Instant decidedAt, String comment,
		ReviewPolicy.Who who) {

	public boolean pending() {
		return "PENDING".equals(status);
	}
}
