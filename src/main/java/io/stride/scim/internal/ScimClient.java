package io.stride.scim.internal;

import java.security.Principal;

/**
 * The identity provider behind a SCIM request: the token's id and the name an admin gave it. Not a person, so no page,
 * API call or service that asks for the current viewer accepts it.
 */
public record ScimClient(String id, String name) implements Principal {

	@Override
	public String getName() {
		return name;
	}
}
