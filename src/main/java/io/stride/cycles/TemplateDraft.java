package io.stride.cycles;

import java.util.List;
import java.util.Objects;

import io.stride.capability.CapabilityId;

/** A contract template as a manager writes it; empty lines (no what, no capability, no evidence) are left out. */
public record TemplateDraft(String title, List<Line> goals) {

	public record Line(String what, CapabilityId capabilityId, Integer targetLevel, String evidence) {
	}

	public TemplateDraft {
		goals = goals == null ? List.of() : goals.stream().filter(Objects::nonNull).toList();
	}
}
