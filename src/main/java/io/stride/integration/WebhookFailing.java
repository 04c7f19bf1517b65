package io.stride.integration;

/**
 * A webhook subscription or chat connection failed {@code failures} deliveries in a row (sent once per run of
 * failures, for {@code admins}); {@code lastError} says how the last one failed.
 */
public record WebhookFailing(String subscriptionId, String kind, String description, int failures,
		String lastError, java.util.List<io.stride.identity.PersonId> admins) {
}
