package io.stride.scim;

import io.stride.identity.PersonId;

/**
 * An admin made or revoked a SCIM token.
 * @param change {@code CREATED} or {@code REVOKED}
 */
public record ScimTokenChanged(PersonId by, String tokenId, String tokenName, String change) {
}
