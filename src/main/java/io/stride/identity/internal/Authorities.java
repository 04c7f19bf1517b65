package io.stride.identity.internal;

import java.util.ArrayList;
import java.util.List;

import io.stride.identity.Person;
import io.stride.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

final class Authorities {

	private Authorities() {
	}

	static List<GrantedAuthority> of(Person person) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_LEARNER"));
		for (Role role : person.roles()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		}
		return authorities;
	}
}
