package io.stride.identity;

import java.util.Set;

public record Person(PersonId id, String name, String email, boolean active, Set<Role> roles, Set<TeamId> teamIds,
		Set<TeamId> manages) {

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}
}
