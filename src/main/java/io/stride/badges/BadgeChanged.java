package io.stride.badges;

import io.stride.identity.PersonId;

/** An admin changed a definition: {@code change} is CREATED, UPDATED or RETIRED; {@code detail} for the audit log. */
public record BadgeChanged(BadgeId badgeId, String name, String change, String detail, PersonId by) {
}
