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
 * Password sign-in that counts every attempt before checking the password and refuses locked addresses.
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
		Optional<Duration> locked = throttle.attemptFromClient(client).or(() -> throttle.attempt(email));
		if (locked.isPresent()) {
			throw new SignInLockedException(locked.get());
		}
		Authentication result = passwords.authenticate(authentication);
		throttle.reset(email);
		throttle.resetClient(client);
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
