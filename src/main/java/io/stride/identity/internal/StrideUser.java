package io.stride.identity.internal;

import java.util.Collection;

import io.stride.identity.PersonId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signed in with email and password.
 */
public class StrideUser extends User implements StridePrincipal {

	private final PersonId personId;

	public StrideUser(PersonId personId, String email, String passwordHash, boolean active,
			Collection<? extends GrantedAuthority> authorities) {
		super(email, passwordHash == null ? "" : passwordHash, active, true, true, true, authorities);
		this.personId = personId;
	}

	@Override
	public PersonId personId() {
		return personId;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}
}
