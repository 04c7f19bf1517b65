package io.stride.cycles;

import java.util.List;

import io.stride.capability.PersonRef;

/**
 * A goal "Draft my contract" proposes, prefilled: a capability and the level to reach, why it is proposed
 * ({@code reason}: the team is short of it, or the person is close to the level), the priorities that link the
 * capability (it serves the person when none does), Stride courses that are evidence for the level, the evidence
 * still missing in words, and a colleague holding the level who could validate it (null when nobody does yet).
 * Nothing is added until the person picks it.
 */
public record GoalProposal(String what, String reason, Goal.CapabilityRef capability, List<PriorityChoice> priorities,
		boolean servesSelf, List<Goal.CourseRef> courses, String evidence, PersonRef validator) {

	/** A priority the proposed goal would serve. */
	public record PriorityChoice(PriorityId id, String title) {
	}

	public GoalProposal {
		priorities = List.copyOf(priorities);
		courses = List.copyOf(courses);
	}

	/** The goal as the person would add it. */
	public GoalDraft draft() {
		return new GoalDraft(what, capability.id(), capability.targetRank(),
				priorities.stream().map(PriorityChoice::id).toList(), servesSelf,
				courses.stream().map(Goal.CourseRef::id).toList(), List.of(), null, null, evidence,
				validator == null ? List.of() : List.of(validator.id()), null, false);
	}
}
