package io.stride.authoring;

import java.util.List;

/**
 * How a risk tier is reviewed: the approvals needed before publishing (in order; none means it publishes at once),
 * the time reviewers have for a step, how long a published version stays current, the post-publication spot-check,
 * and whether learners must take a changed course again.
 */
public record ReviewPolicy(RiskTier tier, List<Step> steps, int slaHours, int reviewMonths, Integer spotCheckDays,
		boolean recertifyOnChange, Integer recertifyMonths) {

	public ReviewPolicy {
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	public boolean publishesAtOnce() {
		return steps.isEmpty();
	}

	/** One approval, and who may give it. */
	public record Step(String name, Who who) {
	}

	public enum Who {

		TOPIC("a reviewer for the course's topic, or an L&D reviewer"), COMPLIANCE("a compliance reviewer"),
		ANY("any reviewer");

		private final String label;

		Who(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
