package io.stride.identity;

/**
 * Roles granted by an admin. Every person is a learner and may author; managing is per team, not a role.
 */
public enum Role {
	REVIEWER, ADMIN
}
