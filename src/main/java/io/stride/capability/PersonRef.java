package io.stride.capability;

import io.stride.identity.PersonId;

public record PersonRef(PersonId id, String name) {
}
