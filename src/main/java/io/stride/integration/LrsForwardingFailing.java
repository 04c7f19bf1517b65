package io.stride.integration;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * Forwarding to an outside LRS failed {@code failures} times in a row (sent once per run of failures, for
 * {@code admins}); {@code lastError} says how the last try failed.
 */
public record LrsForwardingFailing(String forwarderId, String name, int failures, String lastError,
		List<PersonId> admins) {
}
