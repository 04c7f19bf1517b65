package io.stride.identity.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in that counts every attempt at an address before checking the password, counts failures per
 * client, and refuses locked addresses and clients. How many hashes run at once is bounded by
 * {@link BoundedPasswordEncoder}.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	public ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName();
		String client = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		Optional<Duration> locked = throttle.clientLockedFor(client).or(() -> throttle.attempt(email));
		if (locked.isPresent()) {
			throw new SignInLockedException(locked.get());
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (org.springframework.security.authentication.BadCredentialsException failed) {
			throttle.failureFromClient(client);
			throw failed;
		}
		throttle.reset(email);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	public static class SignInLockedException extends LockedException {

		private final Duration remaining;

		SignInLockedException(Duration remaining) {
			super("Too many failed sign-ins");
			this.remaining = remaining;
		}

		public Duration remaining() {
			return remaining;
		}

		public long minutesLeft() {
			return Math.max(1, (remaining.getSeconds() + 59) / 60);
		}
	}
}
