package io.stride.badges;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;

/**
 * A badge definition. {@code criterionSummary} says the machine criterion in words ("Holds Incident response at
 * Can teach it"); retired badges are issued no more, and the credentials already issued stay valid.
 */
public record Badge(BadgeId id, String name, String description, String criteria, CriterionKind kind,
		CapabilityId capabilityId, Integer levelRank, Integer minValidatedGoals, CourseId courseId,
		String criterionSummary, List<Alignment> alignments, boolean retired, int revision, Instant createdAt,
		Instant updatedAt) {
}
