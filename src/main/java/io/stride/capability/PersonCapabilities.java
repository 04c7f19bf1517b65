package io.stride.capability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;

/** A person's capabilities: the level each gives them today, the evidence behind each level, and what expires. */
public record PersonCapabilities(PersonId personId, String name, LocalDate on, List<Held> capabilities) {

	public PersonCapabilities {
		capabilities = List.copyOf(capabilities);
	}

	/**
	 * One capability: the level held (null: none), when it stops holding (null: it does not expire), the evidence
	 * per level, the person's own self-assessment (never counted) and their external certificates.
	 */
	public record Held(Capability capability, Integer levelRank, String levelName, LocalDate expiresOn,
			Long expiresInDays, List<LevelEvidence> levels, SelfAssessment selfAssessment,
			List<CertificateView> certificates) {
	}

	/** Whether a level holds today (all its rules), until when, and each rule's evidence. */
	public record LevelEvidence(int rank, String name, boolean holds, LocalDate validUntil, List<RuleEvidence> rules) {
	}

	/**
	 * A rule and the evidence for it, e.g. "Mastered on 2026-11-02", "2 of 3 validations", with when it stops
	 * counting ({@code validUntil}, null: never) and "expires in N days" from 60 days ahead.
	 */
	public record RuleEvidence(EvidenceRule rule, boolean met, String description, LocalDate validUntil,
			Long expiresInDays) {
	}

	public record SelfAssessment(int levelRank, String levelName, String note, Instant updatedAt) {
	}

	/** {@code status}: PENDING until a manager confirms (CONFIRMED) or rejects (REJECTED) it. */
	public record CertificateView(String id, CapabilityId capabilityId, String name, String issuer, LocalDate issuedOn,
			LocalDate expiresOn, String status, String fileName, String decisionNote, Instant uploadedAt) {
	}
}
