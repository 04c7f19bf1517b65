package io.stride.identity;

import java.util.Set;

/**
 * The person acting in a request, with what they directly hold. Services take a viewer and decide from it
 * what may be seen or done; the team tree is resolved by {@link Organization}.
 */
public record Viewer(PersonId id, String name, Set<Role> roles, Set<TeamId> teamIds, Set<TeamId> manages) {

	public static Viewer of(Person person) {
		return new Viewer(person.id(), person.name(), person.roles(), person.teamIds(), person.manages());
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	/** Reviewers and admins may review courses. */
	public boolean isReviewer() {
		return roles.contains(Role.REVIEWER) || isAdmin();
	}

	public boolean isManager() {
		return !manages.isEmpty();
	}

	public boolean is(PersonId other) {
		return id.equals(other);
	}
}
