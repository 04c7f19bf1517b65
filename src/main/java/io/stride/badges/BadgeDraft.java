package io.stride.badges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;

/** What an admin writes to define or change a badge; fields that the kind does not use are ignored. */
public record BadgeDraft(String name, String description, String criteria, CriterionKind kind, CapabilityId capabilityId,
		Integer levelRank, Integer minValidatedGoals, CourseId courseId, List<Alignment> alignments) {

	public BadgeDraft {
		alignments = alignments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(alignments));
	}
}
