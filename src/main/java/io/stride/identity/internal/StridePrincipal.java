package io.stride.identity.internal;

import io.stride.identity.PersonId;

/**
 * Whatever signed a person in (password, token, single sign-on) leaves a principal that names the person.
 */
public interface StridePrincipal {

	PersonId personId();
}
