package io.stride.cycles;

import java.util.List;

import io.stride.capability.CapabilityId;

/** What a priority says, as typed: checked by {@link Priorities} (null kind and blank title are 422 at the field). */
public record PriorityContent(PriorityKind kind, String title, String text, List<CapabilityId> capabilityIds) {

	public PriorityContent {
		capabilityIds = capabilityIds == null ? List.of() : List.copyOf(capabilityIds);
	}
}
