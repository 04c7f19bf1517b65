package io.stride.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class PersonUserDetailsService implements UserDetailsService {

	private final People people;

	PersonUserDetailsService(People people) {
		this.people = people;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		People.Credentials credentials = people.credentials(email)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
		var person = people.findById(credentials.id()).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return new StrideUser(credentials.id(), credentials.email(), credentials.passwordHash(), credentials.active(),
				Authorities.of(person));
	}
}
