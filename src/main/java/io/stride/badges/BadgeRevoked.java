package io.stride.badges;

import io.stride.identity.PersonId;

/** A credential was revoked: by an admin ({@code by} set) or because its evidence expired or was withdrawn. */
public record BadgeRevoked(String credentialId, BadgeId badgeId, String badgeName, PersonId person, String reason,
		PersonId by) {
}
