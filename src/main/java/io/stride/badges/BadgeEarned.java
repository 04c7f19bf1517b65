package io.stride.badges;

import io.stride.identity.PersonId;

/** A credential was issued; {@code link} is the public verification page's path. */
public record BadgeEarned(String credentialId, BadgeId badgeId, String badgeName, PersonId person, String link) {
}
