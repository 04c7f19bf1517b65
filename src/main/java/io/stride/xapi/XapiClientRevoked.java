package io.stride.xapi;

import io.stride.identity.PersonId;

/** An admin revoked a client's key; the LRS refuses it from now on. */
public record XapiClientRevoked(PersonId by, String clientId, String name) {
}
