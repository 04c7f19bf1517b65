package io.stride.audit;

import java.time.Instant;

public record AuditEntry(String id, Instant occurredAt, String actorId, String actorName, String action,
		String subjectType, String subjectId, String subjectName, String detail) {
}
