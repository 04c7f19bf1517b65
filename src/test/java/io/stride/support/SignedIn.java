package io.stride.support;

import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.internal.StrideUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A browser session signed in as a person, for MockMvc page tests.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static RequestPostProcessor as(PersonId id, String email) {
		StrideUser user = new StrideUser(id, email, "", true, java.util.List.of(new SimpleGrantedAuthority("ROLE_LEARNER")));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	public static RequestPostProcessor as(Person person) {
		var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority("ROLE_LEARNER"));
		person.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		StrideUser user = new StrideUser(person.id(), person.email(), "", true, authorities);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}
}
