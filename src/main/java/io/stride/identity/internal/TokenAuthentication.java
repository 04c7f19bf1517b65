package io.stride.identity.internal;

import java.util.Collection;

import io.stride.identity.PersonId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by a bearer token; the token itself is not kept.
 */
class TokenAuthentication extends AbstractAuthenticationToken {

	private final Principal principal;

	TokenAuthentication(PersonId personId, String email, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = new Principal(personId, email);
		setAuthenticated(true);
	}

	record Principal(PersonId personId, String email) implements StridePrincipal, java.security.Principal {

		@Override
		public String getName() {
			return email;
		}
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return principal;
	}
}
