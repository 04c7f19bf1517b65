package io.stride.identity;

public record Team(TeamId id, String name, TeamId parentId) {
}
