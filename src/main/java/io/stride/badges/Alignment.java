package io.stride.badges;

import io.stride.capability.CapabilityId;

/** A capability level a badge is aligned with; {@code capabilityName} and {@code levelName} are for display. */
public record Alignment(CapabilityId capabilityId, int levelRank, String capabilityName, String levelName) {

	public static Alignment of(CapabilityId capabilityId, int levelRank) {
		return new Alignment(capabilityId, levelRank, null, null);
	}
}
