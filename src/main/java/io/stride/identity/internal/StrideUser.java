package io.stride.identity.internal;

import java.io.Serial;
import java.util.Collection;

import io.stride.identity.PersonId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signed in with email and password. It is kept in the session, which is serialized into the database so
 * that every node reads it (docs/decisions/0038-sessions-in-the-database.md).
 */
public class StrideUser extends User implements StridePrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

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
