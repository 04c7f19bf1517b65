package io.stride.review;

import java.time.Instant;

public record ReviewStep(int position, String name, String status, String decidedBy, Instant decidedAt, String comment) {

	public boolean pending() {
		return "PENDING".equals(status);
	}
}
