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
 * client, and refuses locked addresses and clients. Password hashes are checked a few at a time: each check takes
 * tens of milliseconds of CPU and 16 MB of memory, so a crowd signing in at once waits its turn instead of
 * starving every other request.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final java.util.concurrent.Semaphore hashing;

	public ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
		// half the cores at most: a burst of sign-ins (a whole office at nine) must leave CPU for the pages of
		// those already signed in; one core still checks about 35 passwords a second
		this(passwords, throttle, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
	}

	public ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle,
			int concurrentChecks) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.hashing = new java.util.concurrent.Semaphore(concurrentChecks, true);
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
			result = checked(authentication);
		}
		catch (org.springframework.security.authentication.BadCredentialsException failed) {
			throttle.failureFromClient(client);
			throw failed;
		}
		throttle.reset(email);
		return result;
	}

	private Authentication checked(Authentication authentication) {
		try {
			if (!hashing.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new org.springframework.security.authentication.AuthenticationServiceException(
						"Sign-in is busy; try again in a moment.");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new org.springframework.security.authentication.AuthenticationServiceException("Sign-in was interrupted.");
		}
		try {
			return passwords.authenticate(authentication);
		}
		finally {
			hashing.release();
		}
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
