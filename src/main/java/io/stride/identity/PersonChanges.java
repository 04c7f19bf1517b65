package io.stride.identity;

import java.util.Set;

/**
 * An admin's edit of a person; a blank {@code newPassword} keeps the current one.
 */
public record PersonChanges(String name, String email, String newPassword, boolean active, Set<TeamId> teamIds,
		Set<TeamId> manages, Set<Role> roles) {
}
