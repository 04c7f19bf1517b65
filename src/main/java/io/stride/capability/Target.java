package io.stride.capability;

import io.stride.identity.TeamId;

/**
 * "At least {@code minPeople} people at {@code levelName} or above", set on {@code setOn} (this team, or the nearest
 * team above it that set one: {@code inherited}).
 */
public record Target(CapabilityId capabilityId, TeamId setOn, String setOnName, int levelRank, String levelName,
		int minPeople, boolean inherited) {
}
