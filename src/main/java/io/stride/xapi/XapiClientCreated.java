package io.stride.xapi;

import io.stride.identity.PersonId;

/** An admin gave an outside tool a key for the LRS. */
public record XapiClientCreated(PersonId by, String clientId, String name, String scopes) {
}
