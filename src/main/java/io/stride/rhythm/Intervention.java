package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * One of a session's (at most three) capability interventions, with what it names by kind ({@code courseId},
 * {@code personId}, {@code hours}, {@code taskId}, {@code commissionId}) and what coverage ({@code holdersBefore}: the
 * team's people qualified in the capability and available) and the indicator ({@code metricBefore}) were when it was
 * recorded.
 * {@code status}: OPEN, DONE or DROPPED; {@code answer}: a proposed goal's TAKEN or LEFT.
 */
public record Intervention(InterventionId id, SessionId sessionId, TeamId teamId, int position, InterventionKind kind,
		CapabilityId capabilityId, String capabilityName, PersonId ownerId, String ownerName, LocalDate dueOn,
		String metricId, String metricName, String description, String courseId, String courseTitle, PersonId personId,
		String personName, BigDecimal hours, String taskId, String commissionId, String status, Instant doneAt,
		Integer holdersBefore, BigDecimal metricBefore, int revision, String answer, String ritualName,
		Instant sessionStartsAt) {

	public boolean open() {
		return "OPEN".equals(status);
	}

	/** Whom it addresses: its owner and the person it names. */
	public boolean addresses(PersonId person) {
		return person.equals(ownerId) || person.equals(personId);
	}

	/** Where it is acted on, by kind for its team's managers (the commission form, learning
	 * hours, the team's progress, the person's capabilities), or null. */
	public String actionPath() {
		return switch (kind) {
			case COMMISSION_MODULE -> commissionId == null ? "/commissions/new?intervention=" + id.value()
					: "/commissions/" + commissionId;
			case ALLOCATE_HOURS -> "/teams/" + teamId.value() + "/learning-hours";
			case ASSIGN_COURSE -> "/teams/" + teamId.value();
			case PAIR_OR_SHADOW, PRACTICE_ON_REAL_WORK, PROPOSE_CYCLE_GOAL -> personId == null ? null
					: "/people/" + personId.value() + "/capabilities";
		};
	}
}
