package io.stride.integration;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * A webhook subscription or chat connection failed {@code failures} deliveries in a row (sent once per run of
 * failures, for {@code admins}); {@code lastError} says how the last one failed.
 */
public record WebhookFailing(String subscriptionId, String kind, String description, int failures,
		String lastError, List<PersonId> admins) {
}
