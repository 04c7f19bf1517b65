package io.stride.integration;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * A webhook subscription or chat connection was paused because its receiver stayed down too long ({@code reason}
 * says which limit): nothing more is queued for it until an admin resumes it; {@code admins} are told.
 */
public record WebhookPaused(String subscriptionId, String kind, String description, String reason,
		List<PersonId> admins) {
}
