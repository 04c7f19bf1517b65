package io.stride.identity;

import java.util.Set;

/**
 * What an admin gives to create a person. The password is the first one; the person can change it later.
 */
public record NewPerson(String name, String email, String password, Set<TeamId> teamIds, Set<TeamId> manages,
		Set<Role> roles) {
}
