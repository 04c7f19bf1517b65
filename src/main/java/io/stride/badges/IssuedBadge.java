package io.stride.badges;

import java.time.Instant;

import io.stride.identity.PersonId;

/** A credential issued to a person: valid until {@code revokedAt}, when {@code revokedReason} says why. */
public record IssuedBadge(String id, BadgeId badgeId, String badgeName, PersonId personId, String personName,
		Instant issuedAt, Instant revokedAt, String revokedReason) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
