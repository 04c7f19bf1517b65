package io.stride.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class PersonUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

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

	/**
	 * A password checked against a hash made with weaker parameters (an earlier Argon2 setting, or bcrypt) is hashed
	 * again with the current ones, once, at that sign-in.
	 */
	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		StrideUser signedIn = (StrideUser) user;
		people.rehash(signedIn.personId(), signedIn.getPassword(), newPassword);
		return new StrideUser(signedIn.personId(), signedIn.getUsername(), newPassword, signedIn.isEnabled(),
				signedIn.getAuthorities());
	}
}
